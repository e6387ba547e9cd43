# Source: GP Connect 1.2.7 specification, Development — FHIR API guidance (content types, _format, charset; 415 for unsupported types).
@core @use-case-content-negotiation
Feature: Response and request formats
  Providers serve FHIR JSON (application/fhir+json) and, where their capability statement declares it, FHIR XML
  (application/fhir+xml), always with charset=utf-8. The _format query parameter wins over Accept; without either, a
  request body's Content-Type decides and otherwise JSON is served. A format the provider cannot produce, or a request
  body in one it cannot read, is refused with 415. The reference provider supports XML, so XML is expected here.

  @CORE-012 @CORE-022 @since-1.2.3 @FND-003
  Scenario Outline: A <use case> request accepting FHIR JSON with a charset is answered in FHIR JSON
    Given the request accepts "application/fhir+json;charset=utf-8"
    When the consumer sends a "<use case>" request
    Then the response status should be 200
    And the response should be FHIR JSON

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |

  @CORE-013 @since-1.2.3 @FND-004
  Scenario Outline: A <use case> request accepting FHIR XML is answered in FHIR XML
    Given the request accepts "application/fhir+xml"
    When the consumer sends a "<use case>" request
    Then the response status should be 200
    And the response should be FHIR XML

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |

  @CORE-015 @since-1.2.3 @FND-006
  Scenario: _format asking for XML wins over Accept asking for JSON
    Given the request accepts "application/fhir+json"
    And the request asks for _format "application/fhir+xml"
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response status should be 200
    And the response should be FHIR XML

  @CORE-014 @since-1.2.3 @FND-005
  Scenario: _format asking for JSON wins over Accept asking for XML
    Given the request accepts "application/fhir+xml"
    And the request asks for _format "application/fhir+json"
    When the consumer sends a "Search for free slots" request
    Then the response status should be 200
    And the response should be FHIR JSON

  @CORE-016 @since-1.2.3 @FND-003
  Scenario: A request with neither Accept nor _format is answered in FHIR JSON
    Given the request sends no Accept header
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response status should be 200
    And the response should be FHIR JSON

  @CORE-019 @since-1.2.3 @FND-008
  Scenario Outline: A <use case> request accepting only text/plain is refused
    Given the request accepts "text/plain"
    When the consumer sends a "<use case>" request
    Then the request should be refused as an unsupported media type

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |

  @CORE-020 @since-1.2.3 @FND-008
  Scenario: A request asking for _format application/pdf is refused
    Given the request asks for _format "application/pdf"
    When the consumer sends a "Get the FHIR capability statement" request
    Then the request should be refused as an unsupported media type

  @CORE-027 @since-1.2.3
  Scenario: A request for the legacy DSTU2 JSON mime type is never answered with the legacy type
    Given the request accepts "application/json+fhir"
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be refused or served as FHIR JSON, never with the legacy mime type

  @CORE-017 @since-1.2.3
  Scenario Outline: A <use case> request with a JSON body and no Accept is answered in JSON
    Given the request sends no Accept header
    And the request body is sent in JSON
    When the consumer sends a "<use case>" request
    Then the response should be FHIR JSON

    Examples:
      | use case            |
      | Register a patient  |
      | Book an appointment |

  @CORE-018 @since-1.2.3 @FND-007
  Scenario Outline: A <use case> request with an XML body and no Accept is answered in XML
    Given the request sends no Accept header
    And the request body is sent in XML
    When the consumer sends a "<use case>" request
    Then the response should be FHIR XML

    Examples:
      | use case            |
      | Register a patient  |
      | Book an appointment |

  @CORE-021 @since-1.2.3
  Scenario Outline: A <use case> request body sent as text/plain is refused
    Given the request body is sent as "text/plain"
    When the consumer sends a "<use case>" request
    Then the request should be refused as an unsupported media type

    Examples:
      | use case            |
      | Register a patient  |
      | Book an appointment |

  @CORE-023 @CORE-114 @since-1.2.3
  Scenario: The formats the capability statement declares are the formats the provider serves
    When the consumer sends a "Get the FHIR capability statement" request
    Then the capability statement should declare the FHIR JSON format
    When the consumer asks for the capability statement in each format it declares
    Then each declared format should be served in that format

  @CORE-024 @since-1.2.3 @FND-009
  Scenario Outline: A <use case> request accepting gzip gets a gzip-compressed response
    Given the request accepts gzip encoding
    When the consumer sends a "<use case>" request
    Then the response should be gzip-compressed
    And the response should be FHIR JSON

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |

  @CORE-025 @since-1.2.3 @writes
  Scenario: A request body sent chunked is processed like any other
    Given a patient who can be booked
    And a free slot found by searching for free slots
    When the consumer books the slot with the request body sent chunked
    Then the response status should be 201
    And the response should be an Appointment with status "booked"
