# Source: GP Connect 1.2.7 specification, Appointment Management — Search for free slots; obligations APT-022 … APT-073.
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

  @APT-024 @since-1.2.3
  Scenario: Every slot offered has the status free
    When the consumer searches for free slots
    Then the response status should be 200
    And every slot in the bundle should have the status free

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

  # The window: only slots wholly inside it, whatever form its bounds take (APT-025 to APT-027, APT-058 to APT-061, APT-071)

  @APT-025 @APT-059 @since-1.2.3
  Scenario: Every slot offered lies wholly inside a window given as dateTimes with UK offsets
    Given the search window starts during the first free slot of a day and ends during that day's last, both as dateTimes
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And every Slot in the bundle should lie wholly inside the search window

  @APT-026 @APT-060 @since-1.2.3
  Scenario: A slot that starts before the window starts is not offered, though it ends inside the window
    Given a free slot found by a first search
    And the search window starts one minute after that slot starts, as a dateTime, and ends on that day, as a date
    When the consumer searches for free slots
    Then the response status should be 200
    And the slot found first should not be offered

  @APT-027 @APT-060 @since-1.2.3
  Scenario: A slot that ends after the window ends is not offered, though it starts inside the window
    Given a free slot found by a first search
    And the search window starts on that slot's day, as a date, and ends one minute before that slot ends, as a dateTime
    When the consumer searches for free slots
    Then the response status should be 200
    And the slot found first should not be offered

  @APT-058 @APT-025 @since-1.2.3
  Scenario: A window given as full dates covers the whole of its last day
    Given a free slot found by a first search
    And the search window is that slot's day alone, as full dates
    When the consumer searches for free slots
    Then the response status should be 200
    And the slot found first should be offered

  @APT-061 @since-1.2.3
  Scenario: A window of exactly two weeks is accepted
    Given the search window runs exactly 14 days from midnight tomorrow, as dateTimes
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"

  @APT-071 @since-1.2.3
  Scenario: A window in the past is answered, not refused
    Given the search window started 10 days ago and lasted 7 days
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle

  @APT-038 @since-1.2.3
  Scenario: A window without any free slot gives an empty searchset, without the organisation
    Given the search window is one minute long, too short for any slot
    When the consumer searches for free slots
    Then the response status should be 200
    And the bundle should be an empty searchset

  # What the searchset holds (APT-028 to APT-037, APT-043, APT-046, APT-072, APT-073)

  @APT-028 @since-1.2.3
  Scenario: Every slot's schedule comes back in the bundle
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Slot"
    And every Slot should reference a Schedule in the bundle

  @APT-029 @since-1.2.3
  Scenario: The bundle holds only the slots, their schedules and the resources those name
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Schedule"
    And every Schedule should belong to a returned Slot and the bundle should hold nothing but slots, schedules, practitioners, locations and the organisation

  @APT-030 @since-1.2.3
  Scenario: Every schedule names the location where its appointments take place
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Schedule"
    And every Schedule should name a Location among its actors

  @APT-032 @APT-036 @since-1.2.3
  Scenario: The schedules' locations come back when asked for, each managed by the practice organisation
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Location"
    And every Location the schedules name should be in the bundle with its profile, version, name and managing organisation and no endpoint
    And every Location should be managed by the Organization in the bundle

  @APT-072 @since-1.2.3
  Scenario: A branch surgery's schedules bring the branch Location, managed by the practice organisation
    When the consumer searches for free slots
    Then the response status should be 200
    And the branch surgery should come back as a Location managed by the Organization in the bundle

  @APT-033 @since-1.2.3
  Scenario: The schedules' practitioners come back when asked for, without contact details
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Practitioner"
    And every Practitioner the schedules name should be in the bundle with its profile, version, identifier and name and no contact details

  @APT-035 @APT-037 @since-1.2.3
  Scenario: The organisation asked for with Location:managingOrganization is the practice of the service root
    When the consumer searches for free slots
    Then the response status should be 200
    And the Organization should be the practice of the service root, with its profile, version, ODS code and name and no contact or endpoint

  @APT-043 @since-1.2.3
  Scenario: Slots and schedules carry no specialty
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Slot"
    And no "Slot" in the bundle should have a "specialty" element
    And no "Schedule" in the bundle should have a "specialty" element

  @APT-073 @since-1.2.7
  Scenario: Slots and schedules carry no comment
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Slot"
    And no "Slot" in the bundle should have a "comment" element
    And no "Schedule" in the bundle should have a "comment" element

  @APT-046 @TKT-004 @since-1.2.3
  Scenario: Every schedule carries one practitioner role, an SDS job role of the GP Connect list
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Schedule"
    And every Schedule in the bundle should carry one practitioner role from the GP Connect job-role list

  # Which slots are offered (APT-049, APT-053, APT-055)

  @APT-049 @since-1.2.3
  Scenario: A free slot the practice has not made bookable through GP Connect is never offered
    When the consumer searches for free slots
    Then the response should be a searchset Bundle containing at least one "Slot"
    And the slot the practice has not made bookable through GP Connect should not be offered

  @APT-050 @since-1.2.3
  Scenario: Slots beyond the practice's booking window are not offered
    Given the search window starts the day after the practice's booking window ends and lasts 7 days
    When the consumer searches for free slots
    Then the response status should be 200
    And no slot beyond the practice's booking window should be offered

  @APT-053 @since-1.2.3
  Scenario: A consumer naming only its own ODS code is also offered the slots restricted to that code
    When the consumer searches for free slots naming only its own ODS code and with no searchFilter
    Then the search naming only its own ODS code should offer slots the other search does not

  @APT-055 @since-1.2.3
  Scenario: An organisation on no restriction list is not offered the slots restricted by ODS code
    When the consumer searches for free slots naming only its own ODS code and naming only an ODS code on no restriction list
    Then the search naming only its own ODS code should offer slots the other search does not

  # Refused parameters (APT-063, APT-065, APT-067 to APT-069)

  @APT-063 @since-1.2.3
  Scenario: A window whose end is before its start is refused
    Given the search window ends the day before it starts
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-065 @since-1.2.3
  Scenario: A search without the status parameter is refused
    Given the search leaves out the status parameter
    When the consumer searches for free slots
    Then the provider should refuse the request with an OperationOutcome

  @APT-067 @since-1.2.3
  Scenario Outline: A search without its window bounds is refused
    Given the search leaves out <bounds>
    When the consumer searches for free slots
    Then the provider should refuse the request with an OperationOutcome

    Examples:
      | bounds        |
      | start         |
      | start and end |

  @APT-069 @since-1.2.3
  Scenario Outline: A window bound that is not a full date or dateTime is refused
    Given the search <bound> is sent as "<value>"
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

    Examples:
      | bound | value         |
      | start | geinvalidDate |
      | start | ge            |
      | start | ge2026        |
      | end   | le2026-06     |

  @APT-068 @since-1.2.3
  Scenario Outline: A window bound with the wrong prefix is refused
    Given the search <bound> uses the prefix "<prefix>"
    When the consumer searches for free slots
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

    Examples:
      | bound | prefix |
      | start | gt     |
      | start | lt     |
      | start | eq     |
      | start | ne     |
      | end   | ge     |
      | end   | gt     |
      | end   | eq     |
      | end   | ne     |
