# Source: GP Connect 1.2.7 specification, Foundations — Register a patient; obligations FND-080 … FND-125; 1.2.7 release notes #697 and #658/#847.
@foundations @use-case-register-a-patient @writes
Feature: Register a patient
  A consumer registers a patient known to PDS as a temporary patient at the practice: POST [base]/Patient/$gpc.registerpatient
  with a Parameters resource holding one registerPatient Patient (meta.profile, NHS number, one official name, birth date),
  interaction urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1, JWT scope patient/*.write. The provider
  checks PDS, refuses duplicates, and answers 200 with a GPConnect-Searchset-Bundle-1 holding the registered Patient.
  Each successful registration uses up one NHS number of the pool of PDS patients unknown to the practice.

  @FND-080 @FND-081 @FND-107 @since-1.2.3 @CORE-104 @consumes-registrable-patients:1
  Scenario: A patient on PDS who is unknown to the practice is registered
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the response Bundle should declare the GPConnect-Searchset-Bundle-1 profile
    And the searchset Bundle should hold exactly one patient

  @FND-082 @FND-083 @since-1.2.3 @consumes-registrable-patients:1
  Scenario: The registered patient is returned valid against its profiles
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the response should be valid against the "GPConnect-Searchset-Bundle-1" profile
    And the response bundle entries should be valid against their GP Connect profiles
    And the returned patient should declare its GP Connect profile and a version
    And the returned patient should carry the NHS number, marked verified

  @FND-084 @FND-085 @since-1.2.3 @consumes-registrable-patients:1
  Scenario: The registration is temporary, never regular
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the returned patient should have a temporary registration

  @FND-086 @FND-087 @FND-088 @FND-122 @since-1.2.3 @consumes-registrable-patients:1
  Scenario: The registered patient carries the demographics sent and is managed by the practice
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the returned patient should carry the demographics sent
    And the returned patient should have a birth date and a gender
    And the returned patient should carry none of the data Foundations excludes
    And the returned patient should be managed by the practice addressed

  @FND-089 @since-1.2.3 @consumes-registrable-patients:1
  Scenario: The registered patient can then be found
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    And the consumer finds the registered patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient should be the one registered
    And the returned patient should carry the NHS number, marked verified

  @FND-090 @since-1.2.3 @consumes-registrable-patients:1
  Scenario: Registering the same patient twice is rejected as a duplicate
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    And the consumer registers the patient again
    Then the response should be an OperationOutcome with Spine error code "DUPLICATE_REJECTED"

  @FND-091 @FND-092 @since-1.2.3
  Scenario Outline: A patient already active at the practice is rejected as a duplicate
    Given <patient>
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "DUPLICATE_REJECTED"

    Examples:
      | patient                                         |
      | an active patient whose NHS number is verified  |
      | a patient with a temporary registration         |

  @FND-093 @FND-094 @since-1.2.3 @consumes-left-practice-patients:1
  Scenario: A patient who left the practice is re-activated as a temporary patient with the same record
    Given a patient who left the practice and registers again
    When the consumer registers the patient
    Then the response status should be 200
    And the returned patient should keep the id of the practice's earlier record
    And the returned patient should have a temporary registration

  @FND-095 @since-1.2.3
  Scenario: A patient recorded as deceased at the practice is not registered
    Given a patient recorded as deceased at the practice
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-096 @since-1.2.3
  Scenario: A patient recorded as deceased on PDS is not registered
    Given a patient recorded as deceased on PDS and unknown to the practice
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-097 @TKT-021 @since-1.2.7 @CORE-122
  Scenario: A patient marked sensitive on PDS is not registered
    Given a patient marked sensitive on PDS and unknown to the practice
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-098 @since-1.2.3
  Scenario: An NHS number PDS marks superseded is refused
    Given a patient whose NHS number is superseded on PDS
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_NHS_NUMBER"

  @FND-099 @since-1.2.3
  Scenario: An NHS number PDS flags invalid is refused
    Given a patient whose NHS number is flagged invalid on PDS
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_NHS_NUMBER"

  @FND-100 @since-1.2.3
  Scenario: An NHS number PDS does not hold is refused
    Given a valid NHS number that PDS does not hold
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-101 @since-1.2.3
  Scenario: Demographics that do not verify against PDS are refused
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration has a birth date two parts away from PDS
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-102 @FND-103 @since-1.2.3 @consumes-registrable-patients:1
  Scenario Outline: Demographics that verify against PDS are accepted
    Given a patient on PDS who is not registered at the practice
    And the registration <change>
    When the consumer registers the patient
    Then the response status should be 200

    Examples:
      | change                                  |
      | has a different family name             |
      | has a birth date one part away from PDS |

  @FND-104 @since-1.2.3
  Scenario: A never-verified record at the practice that fails verification halts the registration
    Given a never-verified patient whose demographics do not match PDS
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"

  @FND-105 @since-1.2.3
  Scenario Outline: A structurally invalid NHS number is refused
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    When the consumer registers the patient with the NHS number "<nhs number>"
    Then the response should be an OperationOutcome with Spine error code "INVALID_NHS_NUMBER"

    Examples:
      | nhs number  |
      | 9000000008  |
      | 999999999   |
      | 90000000090 |
      | hello       |

  @FND-106 @since-1.2.7 @CORE-105
  Scenario: A Patient without meta.profile is an invalid resource
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration omits meta.profile
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @FND-108 @FND-110 @FND-111 @FND-112 @FND-114 @FND-116 @FND-118 @FND-119 @FND-120 @FND-019 @since-1.2.3
  Scenario Outline: A registration breaking the request rules is an invalid resource
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration <change>
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | change                                     |
      | has two official names                     |
      | has two home addresses                     |
      | has a work address                         |
      | has two email addresses                    |
      | has two nhsCommunication extensions        |
      | sets active                                |
      | sets maritalStatus                         |
      | sets managingOrganization                  |
      | sets generalPractitioner                   |
      | is a bare Patient instead of Parameters    |

  # Foundations, Register a patient, "Request body": anything beyond the listed elements must not be sent; the profile
  # CareConnect-GPC-Patient-1 forbids animal, photo and communication outright. NHS assurance agrees on 422 INVALID_RESOURCE.
  @FND-118 @since-1.2.3
  Scenario Outline: A registration that sets <element>, which a consumer must not send, is an invalid resource
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration sets <element>
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | element                          |
      | animal                           |
      | photo                            |
      | deceasedBoolean                  |
      | deceasedDateTime                 |
      | contact                          |
      | multipleBirthBoolean             |
      | multipleBirthInteger             |
      | communication                    |
      | link                             |
      | a registrationDetails extension  |

  # Foundations, Register a patient, "Error handling": a body that is not a Parameters holding a Patient is 422
  # INVALID_RESOURCE (NHS assurance expects the same for both cases).
  @FND-119 @since-1.2.3
  Scenario Outline: A registration whose resources have the wrong resourceType is an invalid resource
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration <change>
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | change                                              |
      | names its body a Bundle instead of Parameters       |
      | names the registerPatient resource an Organization  |

  # A divergence (docs/expectations.md): the spec pages make these request errors 422 INVALID_RESOURCE, NHS assurance
  # expects 400 with the code below. The spec answer passes, NHS assurance's answer passes with a warning, and
  # expectations:divergences:registerPatientRequestErrors=strict makes it fail.
  @FND-108 @FND-109 @FND-110 @FND-114 @FND-120 @FND-019 @since-1.2.3 @divergence
  Scenario Outline: A registration that <change> is refused as an invalid resource, or as NHS assurance expects
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration <change>
    When the consumer registers the patient
    Then the provider should refuse it with "INVALID_RESOURCE" as the spec pages say, or with "<assurance code>" as NHS assurance expects (divergence registerPatientRequestErrors)

    Examples:
      | change                                     | assurance code     |
      | omits the NHS number                       | INVALID_NHS_NUMBER |
      | omits the birth date                       | BAD_REQUEST        |
      | omits the official name                    | BAD_REQUEST        |
      | has an official name without a family name | BAD_REQUEST        |
      | has two home phone numbers                 | BAD_REQUEST        |
      | has two registerPatient parameters         | BAD_REQUEST        |
      | has a second identifier without a system   | BAD_REQUEST        |

  @FND-113 @FND-115 @FND-117 @since-1.2.3 @consumes-registrable-patients:1
  Scenario Outline: Optional details the consumer may send are accepted
    Given a patient on PDS who is not registered at the practice
    And the registration <change>
    When the consumer registers the patient
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

    Examples:
      | change                                            |
      | has a home address and a temporary address        |
      | has home, mobile and temporary phones and an email |
      | has one nhsCommunication extension                |

  @FND-121 @since-1.2.3
  Scenario: A body that is not well-formed JSON is a bad request
    When the consumer sends a registration whose body is "{ resourceType: Parameters"
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-123 @FND-010 @since-1.2.3
  Scenario: A registration sent with the Find a patient interaction id is a bad request
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1"
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
