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

  @CORE-025 @since-1.2.3 @writes @consumes-free-slots:1
  Scenario: A request body sent chunked is processed like any other
    Given a patient who can be booked
    And a free slot found by searching for free slots
    When the consumer books the slot with the request body sent chunked
    Then the response status should be 201
    And the response should be an Appointment with status "booked"

  # Negotiation holds for every interaction, not only the capability statement and the slot search above: the answer's
  # Content-Type names the format negotiated and the body is written in it.
  @CORE-013 @CORE-014 @CORE-015 @since-1.2.3
  Scenario Outline: A <use case> request that <negotiation> is answered in FHIR <format>
    Given <test data>
    And the request <negotiation>
    When <request>
    Then the response status should be 200
    And the response should be FHIR <format>

    Examples:
      | use case                          | negotiation                              | format | test data                                                        | request                                                                |
      | Read a patient                    | accepts "application/fhir+xml"           | XML    | an active patient whose NHS number is verified                   | the consumer reads the patient                                         |
      | Read a patient                    | asks for _format "application/fhir+xml"  | XML    | an active patient whose NHS number is verified                   | the consumer reads the patient                                         |
      | Read a patient                    | asks for _format "application/fhir+json" | JSON   | an active patient whose NHS number is verified                   | the consumer reads the patient                                         |
      | Find a patient                    | accepts "application/fhir+xml"           | XML    | an active patient whose NHS number is verified                   | the consumer finds the patient by NHS number                           |
      | Find a patient                    | asks for _format "application/fhir+xml"  | XML    | an active patient whose NHS number is verified                   | the consumer finds the patient by NHS number                           |
      | Find a patient                    | asks for _format "application/fhir+json" | JSON   | an active patient whose NHS number is verified                   | the consumer finds the patient by NHS number                           |
      | Read a practitioner               | accepts "application/fhir+xml"           | XML    | a practitioner with an SDS user id                               | the consumer reads the practitioner                                    |
      | Read a practitioner               | asks for _format "application/fhir+xml"  | XML    | a practitioner with an SDS user id                               | the consumer reads the practitioner                                    |
      | Read a practitioner               | asks for _format "application/fhir+json" | JSON   | a practitioner with an SDS user id                               | the consumer reads the practitioner                                    |
      | Find a practitioner               | accepts "application/fhir+xml"           | XML    | a practitioner with an SDS user id                               | the consumer finds the practitioner by SDS user id                     |
      | Find a practitioner               | asks for _format "application/fhir+xml"  | XML    | a practitioner with an SDS user id                               | the consumer finds the practitioner by SDS user id                     |
      | Read an organisation              | accepts "application/fhir+xml"           | XML    | the practice's organisation                                      | the consumer reads the organisation                                    |
      | Read an organisation              | asks for _format "application/fhir+xml"  | XML    | the practice's organisation                                      | the consumer reads the organisation                                    |
      | Find an organisation              | accepts "application/fhir+xml"           | XML    | the practice's organisation                                      | the consumer finds the organisation by ODS code                        |
      | Find an organisation              | asks for _format "application/fhir+xml"  | XML    | the practice's organisation                                      | the consumer finds the organisation by ODS code                        |
      | Read a location                   | accepts "application/fhir+xml"           | XML    | the practice's main surgery                                      | the consumer reads the location                                        |
      | Read a location                   | asks for _format "application/fhir+xml"  | XML    | the practice's main surgery                                      | the consumer reads the location                                        |
      | Retrieve a patient's appointments | accepts "application/fhir+xml"           | XML    | a patient with appointments booked elsewhere                     | the consumer retrieves the patient's appointments for the next 14 days |
      | Retrieve a patient's appointments | asks for _format "application/fhir+xml"  | XML    | a patient with appointments booked elsewhere                     | the consumer retrieves the patient's appointments for the next 14 days |
      | Read an appointment               | accepts "application/fhir+xml"           | XML    | an appointment booked by another organisation through GP Connect | the consumer reads the appointment                                     |
      | Read an appointment               | asks for _format "application/fhir+xml"  | XML    | an appointment booked by another organisation through GP Connect | the consumer reads the appointment                                     |

  @CORE-013 @CORE-015 @since-1.2.3 @writes @consumes-registrable-patients:1
  Scenario: A Register a patient request asking for _format application/fhir+xml is answered in FHIR XML
    Given a patient on PDS who is not registered at the practice
    And the request asks for _format "application/fhir+xml"
    When the consumer registers the patient
    Then the response status should be 200
    And the response should be FHIR XML

  @CORE-013 @since-1.2.3 @writes @consumes-free-slots:1
  Scenario: A Book an appointment request accepting FHIR XML is answered in FHIR XML
    Given a patient who can be booked
    And a free slot found by searching for free slots
    And the request accepts "application/fhir+xml"
    When the consumer books the slot
    Then the response status should be 201
    And the response should be FHIR XML

  @CORE-015 @since-1.2.3 @writes @consumes-free-slots:1
  Scenario: An Amend an appointment request asking for _format application/fhir+xml is answered in FHIR XML
    Given an appointment the consumer has booked
    And the request asks for _format "application/fhir+xml"
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the response should be FHIR XML

  @CORE-013 @since-1.2.3 @writes @consumes-free-slots:1
  Scenario: A Cancel an appointment request accepting FHIR XML is answered in FHIR XML
    Given an appointment the consumer has booked
    And the request accepts "application/fhir+xml"
    When the consumer cancels the appointment
    Then the response status should be 200
    And the response should be FHIR XML

  # FHIR STU3 (http.html, "Content Types and encodings") has servers read the short forms json and xml, and the plain
  # application/json and application/xml types, as the FHIR formats. GP Connect names only the FHIR MIME types, so a
  # provider may refuse a short form with 415; what it must never do is answer in another format than the one named.
  @CORE-015 @CORE-020 @since-1.2.3
  Scenario Outline: A request asking for _format <value> is answered in FHIR <format> or refused as unsupported
    Given the request asks for _format "<value>"
    When the consumer sends a "Read an organisation" request
    Then the response should be FHIR <format>, or the request refused as an unsupported media type

    Examples:
      | value            | format |
      | json             | JSON   |
      | xml              | XML    |
      | application/json | JSON   |
      | application/xml  | XML    |
      | text/xml         | XML    |
