# Source: GP Connect 1.2.7 specification, Development — FHIR API error handling guidance (OperationOutcome, Spine error codes, HTTP statuses).
@core @use-case-error-handling
Feature: Error responses
  Every provider error is an OperationOutcome profiled GPConnect-OperationOutcome-1 with severity error, the issue type
  and HTTP status mapped to its Spine error code, and a coding from Spine-ErrorOrWarningCode-1 (the ValueSet or the
  CodeSystem URL). Unknown instances are 404 with the type's not-found code; an unimplemented resource type is 501
  NOT_IMPLEMENTED (400 BAD_REQUEST tolerated); a method the interaction is not made with is 400 BAD_REQUEST. An error
  to a request that asked for XML is itself XML.

  @CORE-075 @CORE-076 @CORE-077 @CORE-078 @CORE-067 @CORE-068 @CORE-069 @CORE-070 @CORE-072 @since-1.2.3
  Scenario Outline: Reading an unknown <type> id gives <code>
    When the consumer reads a "<type>" with an id that does not exist
    Then the response should be an OperationOutcome with Spine error code "<code>"

    Examples:
      | type         | code                   |
      | Organization | ORGANISATION_NOT_FOUND |
      | Practitioner | PRACTITIONER_NOT_FOUND |
      | Location     | NO_RECORD_FOUND        |
      | Appointment  | NO_RECORD_FOUND        |

  @CORE-076 @CORE-078 @since-1.2.3
  Scenario: Reading an organisation with an id in an invalid format gives ORGANISATION_NOT_FOUND
    When the consumer reads an "Organization" with the malformed id "not*a*valid*id!"
    Then the response should be an OperationOutcome with Spine error code "ORGANISATION_NOT_FOUND", tolerating "INVALID_IDENTIFIER_VALUE"

  @CORE-079 @CORE-072 @since-1.2.3 @FND-021
  Scenario: Reading a resource type GP Connect does not implement gives NOT_IMPLEMENTED
    When the consumer reads an "Encounter", a resource type GP Connect does not implement
    Then the response should be an OperationOutcome with Spine error code "NOT_IMPLEMENTED", tolerating "BAD_REQUEST"

  @CORE-080 @since-1.2.3 @FND-020
  Scenario Outline: <method> on the practice organisation with the read interaction ID is rejected
    Given the request uses the HTTP method "<method>"
    When the consumer sends a "Read an organisation" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | method |
      | POST   |
      | DELETE |

  @CORE-073 @CORE-011 @since-1.2.3 @FND-002
  Scenario Outline: An error to a <use case> request that asked for XML is an XML OperationOutcome
    Given the request accepts "application/fhir+xml"
    And the request omits the "Ssp-TraceID" header
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome in XML with Spine error code "BAD_REQUEST"
    And the response should carry the header "Cache-Control" with "no-store"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |

  @CORE-081 @since-1.2.3
  Scenario: DELETE on an appointment is rejected
    Given the request uses the HTTP method "DELETE"
    When the consumer reads an "Appointment" with an id that does not exist
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-082 @since-1.2.3
  Scenario: A booking whose body is cut off half way gives BAD_REQUEST
    Given the request body is cut off half way
    When the consumer sends a "Book an appointment" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-083 @CORE-071 @since-1.2.3
  Scenario: A booking whose Appointment has no start gives INVALID_RESOURCE
    Given the request body's resource has no "start" element
    When the consumer sends a "Book an appointment" request
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @CORE-086 @since-1.2.3
  Scenario: Amending an appointment that does not exist gives NO_RECORD_FOUND and creates nothing
    When the consumer amends an appointment that does not exist
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"
    When the consumer reads an "Appointment" with an id that does not exist
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"

  @CORE-090 @since-1.2.3
  Scenario: Finding an organisation by a malformed ODS code gives INVALID_IDENTIFIER_VALUE
    When the consumer finds an organisation by the malformed ODS code "NOT AN ODS CODE!"
    Then the response should be an OperationOutcome with Spine error code "INVALID_IDENTIFIER_VALUE"

  # URLs and methods no interaction uses (FHIR API guidance: URLs are case sensitive with no trailing slash; a wrong verb
  # is a bad request; an unknown resource type or operation is not implemented). Where the guidance allows two answers
  # (a request that also names an interaction it does not match may be a bad request first), either passes.
  @CORE-080 @CORE-081 @since-1.2.3
  Scenario Outline: <method> on <target> is refused
    Given the request uses the HTTP method "<method>"
    When the consumer sends a "<use case>" request
    Then the provider should refuse the method with 400 BAD_REQUEST, or 405 Method Not Allowed

    Examples:
      | method  | target                    | use case                          |
      | PATCH   | the capability statement  | Get the FHIR capability statement |
      | DELETE  | the capability statement  | Get the FHIR capability statement |
      | PATCH   | the practice organisation | Read an organisation              |

  # OPTIONS is no GP Connect interaction either; an HTTP stack that answers it as a CORS preflight (no body) is not serving
  # the interaction (CORS is left untested by the spec, and the capability statement template declares it).
  @CORE-080 @since-1.2.3
  Scenario Outline: OPTIONS on <target> is not served as the interaction
    Given the request uses the HTTP method "OPTIONS"
    When the consumer sends a "<use case>" request
    Then the provider should not serve OPTIONS as the interaction: 400 BAD_REQUEST, 405, or a CORS preflight answer without a body

    Examples:
      | target                    | use case                          |
      | the capability statement  | Get the FHIR capability statement |
      | the practice organisation | Read an organisation              |

  @CORE-074 @since-1.2.3
  Scenario: A patient read with no id (/Patient/) is refused
    When the consumer sends a "Read a patient" request to the path "/Patient/"
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST" or "PATIENT_NOT_FOUND"

  @CORE-079 @since-1.2.3
  Scenario: A registration sent to a misspelt operation name is refused as not implemented
    When the consumer sends a "Register a patient" request to the path "/Patient/$gpc.registerpatien"
    Then the response should be an OperationOutcome with Spine error code "NOT_IMPLEMENTED", tolerating "BAD_REQUEST"

  @CORE-079 @since-1.2.3
  Scenario: A capability statement request to /Metadata, in the wrong letter case, is refused
    When the consumer sends a "Get the FHIR capability statement" request to the path "/Metadata"
    Then the response should be an OperationOutcome with Spine error code "NOT_IMPLEMENTED", tolerating "BAD_REQUEST"

  @CORE-080 @since-1.2.3
  Scenario: A booking posted to an appointment's own URL is refused
    When the consumer sends a "Book an appointment" request to the path "/Appointment/1"
    Then the provider should refuse the method with 400 BAD_REQUEST, or 405 Method Not Allowed

  @CORE-079 @since-1.2.3
  Scenario: A booking posted to /Appointments, a resource type that does not exist, is refused
    When the consumer sends a "Book an appointment" request to the path "/Appointments"
    Then the response should be an OperationOutcome with Spine error code "NOT_IMPLEMENTED", tolerating "BAD_REQUEST"
