# Source: GP Connect 1.2.7 specification, Development — FHIR API guidance (response headers) and FHIR resource guidance (common resource rules).
@core @use-case-resource-conventions
Feature: Conventions every response follows
  Every response carries Cache-Control: no-store and a FHIR Content-Type with charset=utf-8. Every returned resource
  declares its GP Connect profile in meta.profile and carries meta.versionId and its logical id; a read returns the id
  that was asked for, with ETag W/"versionId". References are local and relative (Type/id). Searchset Bundles leave
  Bundle.entry.fullUrl out. Checked on a read (the practice's own organisation, found by the ODS code in the service
  root), a search (free slots with every include) and the capability statement; Cache-Control on every interaction and
  on every kind of error the provider sends.

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

  # Cache-Control: no-store on every answer of every interaction, successes and errors alike (security guidance: "all
  # responses"). The outlines above check a read, a search and the capability statement; these cover the rest.
  @CORE-010 @CORE-038 @since-1.2.3 @APT-001
  Scenario Outline: Every <use case> answer carries Cache-Control no-store
    Given <test data>
    When <request>
    Then the response status should be 200
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | use case                          | test data                                                        | request                                                                |
      | Read a patient                    | an active patient whose NHS number is verified                   | the consumer reads the patient                                         |
      | Find a patient                    | an active patient whose NHS number is verified                   | the consumer finds the patient by NHS number                           |
      | Read a practitioner               | a practitioner with an SDS user id                               | the consumer reads the practitioner                                    |
      | Find a practitioner               | a practitioner with an SDS user id                               | the consumer finds the practitioner by SDS user id                     |
      | Find an organisation              | the practice's organisation                                      | the consumer finds the organisation by ODS code                        |
      | Read a location                   | the practice's main surgery                                      | the consumer reads the location                                        |
      | Retrieve a patient's appointments | a patient with appointments booked elsewhere                     | the consumer retrieves the patient's appointments for the next 14 days |
      | Read an appointment               | an appointment booked by another organisation through GP Connect | the consumer reads the appointment                                     |

  @CORE-010 @since-1.2.3 @writes @consumes-registrable-patients:1
  Scenario: Every Register a patient answer carries Cache-Control no-store
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-010 @since-1.2.3 @APT-001 @writes @consumes-free-slots:1
  Scenario: Every Book an appointment answer carries Cache-Control no-store
    Given a patient who can be booked
    And a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-010 @since-1.2.3 @APT-001 @writes @consumes-free-slots:1
  Scenario: Every Amend an appointment answer carries Cache-Control no-store
    Given an appointment the consumer has booked
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-010 @since-1.2.3 @APT-001 @writes @consumes-free-slots:1
  Scenario: Every Cancel an appointment answer carries Cache-Control no-store
    Given an appointment the consumer has booked
    When the consumer cancels the appointment
    Then the response status should be 200
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-011 @since-1.2.3 @APT-001 @FND-002
  Scenario Outline: A <code> error answering <use case> carries Cache-Control no-store
    When <request>
    Then the response should be an OperationOutcome with Spine error code "<code>"
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | use case             | code                     | request                                                                         |
      | Read a patient       | PATIENT_NOT_FOUND        | the consumer reads a patient with an id the provider does not hold              |
      | Read a location      | NO_RECORD_FOUND          | the consumer reads a location with an id the provider does not hold             |
      | Read an appointment  | NO_RECORD_FOUND          | the consumer reads an "Appointment" with an id that does not exist              |
      | Amend an appointment | NO_RECORD_FOUND          | the consumer amends an appointment that does not exist                          |
      | Read an organisation | ORGANISATION_NOT_FOUND   | the consumer reads an "Organization" with an id that does not exist             |
      | Read a practitioner  | PRACTITIONER_NOT_FOUND   | the consumer reads a "Practitioner" with an id that does not exist              |
      | Find an organisation | INVALID_IDENTIFIER_VALUE | the consumer finds an organisation by the malformed ODS code "NOT AN ODS CODE!" |

  # One row per kind of error answer the suite can provoke from the practice's standing test data without writing: a
  # provider may set the header in one error path (e.g. bad requests) and forget it in another (conflicts, invalid
  # parameters).
  @CORE-011 @since-1.2.3 @APT-001 @FND-002
  Scenario Outline: A <status> <code> answer to <use case> carries Cache-Control no-store
    Given <test data>
    When <request>
    Then the response should be an OperationOutcome with Spine error code "<code>"
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | status | code                         | use case                          | test data                                      | request                                                                        |
      | 409    | DUPLICATE_REJECTED           | Register a patient                | an active patient whose NHS number is verified | the consumer registers the patient                                             |
      | 400    | INVALID_PATIENT_DEMOGRAPHICS | Register a patient                | a patient recorded as deceased at the practice | the consumer registers the patient                                             |
      | 422    | INVALID_PARAMETER            | Search for free slots             | the search window lasts 15 days                | the consumer searches for free slots                                           |
      | 422    | INVALID_PARAMETER            | Retrieve a patient's appointments | a patient with appointments booked elsewhere   | the consumer retrieves the patient's appointments from 30 days ago to tomorrow |

  @CORE-011 @CORE-080 @since-1.2.3
  Scenario: A refusal of a method the interaction is not made with carries Cache-Control no-store
    Given the request uses the HTTP method "PATCH"
    When the consumer sends a "Get the FHIR capability statement" request
    Then the provider should refuse the method with 400 BAD_REQUEST, or 405 Method Not Allowed
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-011 @CORE-079 @since-1.2.3
  Scenario: A NOT_IMPLEMENTED error carries Cache-Control no-store
    When the consumer reads an "Encounter", a resource type GP Connect does not implement
    Then the response should be an OperationOutcome with Spine error code "NOT_IMPLEMENTED", tolerating "BAD_REQUEST"
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-011 @CORE-019 @CORE-021 @since-1.2.3
  Scenario Outline: A refusal of <what> as an unsupported media type carries Cache-Control no-store
    Given <condition>
    When the consumer sends a "<use case>" request
    Then the request should be refused as an unsupported media type
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | what                              | condition                                | use case             |
      | an Accept of text/plain           | the request accepts "text/plain"         | Read an organisation |
      | a booking body sent as text/plain | the request body is sent as "text/plain" | Book an appointment  |

  @CORE-011 @CORE-083 @since-1.2.3 @APT-001
  Scenario: An INVALID_RESOURCE refusal of a booking carries Cache-Control no-store
    Given the request body's resource has no "start" element
    When the consumer sends a "Book an appointment" request
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-011 @since-1.2.3 @APT-001 @writes @consumes-free-slots:1
  Scenario: A DUPLICATE_REJECTED refusal of a second booking of the same slot carries Cache-Control no-store
    Given a patient who can be booked
    And a free slot found by searching for free slots
    And the consumer has booked the slot
    When the consumer books the same slot again
    Then the response should be an OperationOutcome with Spine error code "DUPLICATE_REJECTED"
    And the response should carry the header "Cache-Control" with "no-store"

  @CORE-011 @CORE-085 @since-1.2.3 @APT-001 @writes @consumes-free-slots:1
  Scenario: A 409 refusal of an amendment made with an out-of-date version carries Cache-Control no-store
    Given an appointment the consumer has booked
    And the consumer has amended the appointment's description
    When the consumer amends the appointment's description with the version it read before the last change
    Then the response status should be 409
    And the response should carry the header "Cache-Control" with "no-store"
