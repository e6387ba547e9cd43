# Source: GP Connect 1.2.7 specification, Foundations — Find a patient; obligations FND-032 … FND-069; release notes #921, #658/#847 (1.2.7) and #643 (1.2.3).
@foundations @use-case-find-a-patient
Feature: Find a patient
  A consumer finds a patient at the practice by NHS number: GET [base]/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|[nhsNumber],
  interaction urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1, JWT scope patient/*.read. The provider answers
  200 with a searchset Bundle holding the patient only when the patient is active (not left, not deceased) and their NHS
  number is verified on PDS; anyone else gives an empty Bundle, which is not an error.

  @FND-032 @FND-033 @FND-024 @FND-023 @since-1.2.3 @CORE-092
  Scenario: An active, verified patient is found by NHS number
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient
    And the returned patient should declare its GP Connect profile and a version
    And the response bundle entries should be valid against their GP Connect profiles

  @FND-034 @FND-035 @FND-036 @since-1.2.3
  Scenario: The patient found carries the NHS number searched for, marked verified
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient should carry the NHS number, marked verified

  @FND-037 @FND-038 @FND-041 @since-1.2.3 @CORE-107
  Scenario: The patient found has one official name, a birth date, a gender, an address and a telephone number
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient should have exactly one official name
    And the returned patient should have a birth date and a gender
    And the returned patient should have a home address and a telephone number

  @FND-039 @FND-025 @since-1.2.3 @CORE-108
  Scenario: The patient found is managed by the practice addressed
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient should be managed by the practice addressed

  @FND-040 @FND-025 @since-1.2.3
  Scenario: The patient found names a preferred branch surgery the consumer can read
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient's preferred branch surgery should be a location the provider can read

  @FND-042 @since-1.2.3
  Scenario: The patient's contacts give the relationship in words, never coded
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient's contacts should give the relationship in text only

  @FND-043 @since-1.2.3
  Scenario: A patient's recorded language and interpreter need are returned
    Given a patient who needs an interpreter
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient's language should be coded with the interpreter need

  @FND-045 @FND-046 @since-1.2.3 @CORE-107
  Scenario: Data Foundations must not share stays out of the patient found
    Given a patient whose record holds data Foundations must not share
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient should carry none of the data Foundations excludes

  @FND-047 @since-1.2.3 @CORE-087
  Scenario: An NHS number the practice does not hold gives an empty Bundle, not an error
    Given an NHS number the practice does not hold
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-048 @since-1.2.3
  Scenario: A patient recorded as deceased is not found
    Given a patient recorded as deceased at the practice
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-049 @since-1.2.3
  Scenario: A patient who has left the practice is not found
    Given a patient who has left the practice
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-050 @TKT-019 @since-1.2.7 @CORE-120
  Scenario: A patient whose record is marked sensitive is left out of the Bundle
    Given a patient whose record is marked sensitive
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-051 @since-1.2.3 @CORE-126
  Scenario: A patient who dissented from sharing is still found
    Given a patient who has dissented from sharing their record
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

  @FND-052 @since-1.2.3
  Scenario: A patient with a temporary registration is found
    Given a patient with a temporary registration
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

  @FND-060 @since-1.2.3 @CORE-089
  Scenario: An NHS number with too few digits is refused
    When the consumer finds a patient with the identifier "https://fhir.nhs.uk/Id/nhs-number|969000000"
    Then the response should be an OperationOutcome with Spine error code "INVALID_NHS_NUMBER"

  @FND-060 @FND-061 @since-1.2.3 @CORE-089
  Scenario Outline: Other structurally invalid NHS numbers are refused
    When the consumer finds a patient with the identifier "https://fhir.nhs.uk/Id/nhs-number|<nhs number>"
    Then the response should be an OperationOutcome with Spine error code "INVALID_NHS_NUMBER"

    Examples:
      | nhs number  | why                  |
      | 96900000040 | eleven digits        |
      | 9690000005  | wrong check digit    |
      | 96900000A4  | contains a letter    |

  @FND-062 @since-1.2.3 @CORE-088
  Scenario: An identifier system other than the NHS number is refused
    When the consumer finds a patient with the identifier "https://fhir.nhs.uk/Id/ods-organization-code|A20047"
    Then the response should be an OperationOutcome with Spine error code "INVALID_IDENTIFIER_SYSTEM"

  @FND-063 @since-1.2.3
  Scenario: A search without an identifier is a bad request
    When the consumer finds a patient without an identifier
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-064 @since-1.2.3
  Scenario: An identifier parameter written with the wrong case is ignored, so the search has no identifier
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number in a parameter named "Identifier"
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-065 @since-1.2.3
  Scenario: An identifier without a system is refused
    When the consumer finds a patient with the identifier "9690000004"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER", tolerating "INVALID_IDENTIFIER_SYSTEM"

  @FND-066 @since-1.2.3
  Scenario: An identifier without a value is refused
    When the consumer finds a patient with the identifier "https://fhir.nhs.uk/Id/nhs-number|"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER", tolerating "INVALID_NHS_NUMBER"

  @FND-069 @since-1.2.3
  Scenario: Finding an unchanged patient twice gives the same version
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And finding the patient again should return the same version

  @FND-067 @since-1.2.3
  Scenario: An identifier sent twice is a bad request
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number sent twice
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-022 @since-1.2.3 @CORE-091
  Scenario: An unknown search parameter is ignored
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number with the extra parameter "_count=1"
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

  @FND-022 @since-1.2.3 @CORE-091
  Scenario Outline: Other unknown search parameters are ignored too
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number with the extra parameter "<parameter>"
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

    Examples:
      | parameter    |
      | _sort=status |
      | foo=bar      |

  @FND-068 @FND-010 @since-1.2.3
  Scenario: A find sent with the Read a patient interaction id is a bad request
    Given an active patient whose NHS number is verified
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1"
    When the consumer finds the patient by NHS number
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
