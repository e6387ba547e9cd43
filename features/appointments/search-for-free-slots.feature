# Source: ../shared/spec/appointments.md §3 (Search for free slots) and §13.2 (APT-022 … APT-073).
@appointments @use-case-search-for-free-slots
Feature: Search for free slots
  A consumer searches a practice's diaries for free slots it may book: GET [base]/Slot with a window of at most two
  weeks (start=ge…, end=le…), status=free, _include=Slot:schedule, optional recursive includes of the schedules'
  practitioners and locations and of the managing organisation, and searchFilter tokens naming the booking organisation's
  ODS code and organisation type. Only free, GP Connect-bookable slots that the practice has opened to that organisation
  come back; Visit slots never do.

  Background:
    Given the search window starts tomorrow and lasts 7 days

  @APT-022 @APT-024 @APT-039 @since-1.2.3
  Scenario: Free slots come back as a searchset with their times in UK local time
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And every "Slot" in the bundle should give its "start" and "end" in UK local time

  @APT-045 @APT-048 @since-1.2.7
  Scenario: Only slots delivered in person, by telephone or by video are offered
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And every "Slot" in the bundle should be offered in person, by telephone or by video

  @APT-034 @since-1.2.3
  Scenario: The practice organisation comes back even when the consumer does not ask for it
    Given the search does not ask for the Location:managingOrganization include
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And the response should be a searchset Bundle containing at least one "Organization"

  @APT-062 @since-1.2.3
  Scenario: A search window of 15 days, one more than two weeks, is refused
    Given the search window lasts 15 days
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-062 @since-1.2.3
  Scenario Outline: Longer search windows are refused too
    Given the search window lasts <days> days
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

    Examples:
      | days |
      | 31   |
      | 60   |

  @APT-051 @APT-052 @APT-054 @since-1.2.3
  Scenario: Slots the practice restricts to one organisation type are not offered to another
    When the consumer searches for free slots as an "urgent-care" organisation and as a "gp-practice" organisation
    Then the two searches should offer different slots

  @APT-031 @since-1.2.3
  Scenario: Without recursive includes no Location or Practitioner comes back
    Given the search asks for no recursive includes
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And the bundle should hold no "Location" resources
    And the bundle should hold no "Practitioner" resources

  @APT-056 @since-1.2.4
  Scenario: A searchFilter of an unknown system, as DOS-based consumers may add (#662), is ignored
    Given the search also carries a searchFilter of a system the provider does not know
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"

  @APT-064 @since-1.2.3
  Scenario: A search for slots that are not free is refused
    Given the search asks for slots with status "busy"
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-066 @since-1.2.3
  Scenario: A search without _include=Slot:schedule is refused
    Given the search leaves out _include=Slot:schedule
    When the consumer searches for free slots
    Then the provider should refuse the request with an OperationOutcome

  @APT-070 @since-1.2.3
  Scenario: A search window whose start time has no UTC offset is refused
    Given the search window starts tomorrow at 09:00 written without a UTC offset
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"
