# Source: GP Connect 1.2.7 specification, Development — FHIR API guidance (response headers) and FHIR resource guidance (common resource rules).
@core @use-case-resource-conventions
Feature: Conventions every response follows
  Every response carries Cache-Control: no-store and a FHIR Content-Type with charset=utf-8. Every returned resource
  declares its GP Connect profile in meta.profile and carries meta.versionId and its logical id; a read returns the id
  that was asked for, with ETag W/"versionId". References are local and relative (Type/id). Searchset Bundles leave
  Bundle.entry.fullUrl out. Checked on a read (the practice's own organisation, found by the ODS code in the service
  root), a search (free slots with every include) and the capability statement.

  @CORE-010 @CORE-038 @since-1.2.3 @FND-001
  Scenario Outline: A successful <use case> response carries Cache-Control no-store
    When the consumer sends a "<use case>" request
    Then the response status should be 200
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Read an organisation              |
      | Search for free slots             |

  @CORE-011 @since-1.2.3 @FND-002
  Scenario: An error response carries Cache-Control no-store
    Given the request omits the "Ssp-From" header
    When the consumer sends a "Search for free slots" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-012 @CORE-026 @since-1.2.3 @FND-003
  Scenario Outline: A <use case> response states the FHIR JSON media type with charset utf-8
    When the consumer sends a "<use case>" request
    Then the response status should be 200
    And the response Content-Type should state the FHIR JSON media type with charset utf-8

    Examples:
      | use case              |
      | Read an organisation  |
      | Search for free slots |

  @CORE-096 @since-1.2.3
  Scenario: A read carries the weak ETag of the resource's version
    When the consumer sends a "Read an organisation" request
    Then the response ETag should be the weak tag of the resource's version

  @CORE-093 @CORE-094 @CORE-095 @since-1.2.3
  Scenario: A read returns the requested resource with its GP Connect profile and a version id
    When the consumer sends a "Read an organisation" request
    Then the response should be the practice organisation with its GP Connect profile and a version id

  @CORE-093 @CORE-094 @CORE-103 @since-1.2.3
  Scenario: Every resource in a search result carries its GP Connect profile, a version id and an id
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Slot"
    And every resource in the bundle should carry its GP Connect profile, a version id and an id

  @CORE-101 @since-1.2.3
  Scenario: Every reference in a search result is a local relative reference
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Slot"
    And every reference in the response should be a local relative reference

  @CORE-102 @CORE-103 @since-1.2.3 @FND-026
  Scenario: Searchset entries carry no fullUrl
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Slot"
    And no bundle entry should have a fullUrl

  @CORE-106 @since-1.2.3
  Scenario: Identifier systems in a search result are the 1.x https://fhir.nhs.uk/Id/ URLs
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Location"
    And every identifier in the response should use an https://fhir.nhs.uk/Id/ system rather than a DSTU2 one

  @CORE-109 @since-1.2.3
  Scenario: Every resource id in a search result is a valid FHIR logical id
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Schedule"
    And every resource id in the response should be a valid FHIR logical id

  @CORE-110 @since-1.2.3
  Scenario: Slot and schedule times in a search result are UK local times with an explicit offset
    When the consumer sends a "Search for free slots" request
    Then the response should be a searchset Bundle containing at least one "Schedule"
    And every "Slot" in the bundle should give its "start" and "end" in UK time with an explicit offset
    And every "Schedule" in the bundle should give its "planningHorizon.start" and "planningHorizon.end" in UK time with an explicit offset

  @CORE-117 @since-1.2.3
  Scenario: The capability statement identifies every Foundations and Appointment Management profile
    When the consumer sends a "Get the FHIR capability statement" request
    Then the capability statement should declare every Foundations and Appointment Management profile
