# Source: GP Connect 1.2.7 specification, Foundations — Find a patient ("Provider unverified record requirements"); obligations FND-053 … FND-059; 1.2.7 release notes #921.
@foundations @use-case-find-a-patient
Feature: Find a patient whose NHS number was never verified
  When Find a patient matches an active record whose NHS number was never traced or verified, the provider retrieves the
  PDS record and includes the patient only if the NHS number verifies (date of birth equal to PDS, or two of its three parts
  equal with the first three letters of the family name and the given-name initial), PDS does not record the patient as
  deceased, and the PDS record carries no invalid, sensitive or superseded flag. It then marks the number verified.

  @FND-053 @FND-054 @TKT-040 @since-1.2.7
  Scenario: A never-verified patient whose date of birth matches PDS is verified and found
    Given a never-verified patient whose date of birth matches PDS
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient
    And the returned patient should carry the NHS number, marked verified

  @FND-055 @TKT-040 @since-1.2.7
  Scenario: A never-verified patient whose date of birth nearly matches PDS is verified by name and found
    Given a never-verified patient whose date of birth nearly matches PDS
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient

  @FND-056 @FND-057 @FND-058 @FND-059 @TKT-041 @TKT-042 @TKT-043 @since-1.2.7 @CORE-125
  Scenario Outline: A never-verified patient who fails the PDS checks is not found
    Given <patient>
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

    Examples:
      | patient                                                    |
      | a never-verified patient whose demographics do not match PDS |
      | a never-verified patient recorded as deceased on PDS        |
      | a never-verified patient marked sensitive on PDS            |
      | a never-verified patient whose NHS number is superseded on PDS |
