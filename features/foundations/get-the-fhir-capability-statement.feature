# Source: GP Connect 1.2.7 specification, Foundations — Get the FHIR capability statement.
@foundations @use-case-get-the-fhir-capability-statement
Feature: Get the FHIR capability statement
  A consumer reads the provider's combined Foundations and Appointment Management capability statement
  with GET [base]/metadata, interaction urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1 and JWT
  scope organization/*.read. No error case is defined: the provider must always be able to return it.

  @CORE-111 @since-1.2.3 @CORE-118
  Scenario: The provider returns a capability statement that is valid FHIR STU3
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the response should be a "CapabilityStatement" resource
    And the response should be valid against the "CapabilityStatement" profile

  @CORE-112 @FND-027 @since-1.2.3
  Scenario: The capability statement carries the GP Connect version the provider implements
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the capability statement version should be the one expected for the target spec version

  @CORE-113 @FND-027 @since-1.2.3
  Scenario: The capability statement keeps the template's fixed values
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the response should have these element values:
      | element       | value      |
      | fhirVersion   | 3.0.1      |
      | acceptUnknown | both       |
      | kind          | capability |
      | status        | active     |
      | rest.mode     | server     |

  @FND-028 @FND-029 @since-1.2.3 @CORE-115 @CORE-116
  Scenario: The capability statement declares the Foundations interactions and the register operation
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the capability statement should declare these Foundations interactions:
      | resource     | interactions       |
      | Patient      | read, search-type  |
      | Organization | read, search-type  |
      | Practitioner | read, search-type  |
      | Location     | read               |
    And the capability statement should declare the operation "gpc.registerpatient" defined by "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"

  @APT-018 @CORE-115 @since-1.2.3
  Scenario: The capability statement declares the Appointment Management interactions and every slot search include
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the capability statement should declare these Appointment Management interactions:
      | resource    | interactions                      |
      | Appointment | read, create, update, search-type |
      | Slot        | search-type                       |
    And the capability statement's Slot should declare these searchInclude values: Slot:schedule, Schedule:actor:Practitioner, Schedule:actor:Location, Location:managingOrganization

  @CORE-113 @since-1.2.3
  Scenario: The capability statement names the provider's software and its version
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the capability statement should name the software and its version

  @CORE-023 @CORE-114 @since-1.2.3
  Scenario: A provider that serves FHIR XML declares it in its capability statement
    Given the request accepts "application/fhir+xml"
    When the consumer requests the FHIR capability statement
    Then the provider should refuse XML as an unsupported media type, or serve it and declare application/fhir+xml
