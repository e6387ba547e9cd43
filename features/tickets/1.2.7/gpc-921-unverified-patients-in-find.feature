# Source: GP Connect 1.2.7 release notes, ticket #921 (registering failed for patients never traced on PDS); obligations
# TKT-040 … TKT-043.
@ticket-921 @release-1.2.7 @foundations @use-case-find-a-patient
Feature: GPC-921 Find a patient verifies an active patient whose NHS number was never verified
  Before 1.2.7 an active patient whose NHS number was never traced gave an empty Find, and Register then failed with
  DUPLICATE_REJECTED, so the consumer could not book. From 1.2.7 Find retrieves the PDS record, and if the NHS number
  verifies (date of birth, or two date parts with name), PDS does not record a death and carries no invalid, sensitive or
  superseded flag, marks it verified and returns the patient; otherwise the patient stays out of the Bundle.

  @TKT-040 @FND-055 @since-1.2.7
  Scenario: A never-verified patient who passes the PDS checks is found and marked verified
    Given a never-verified patient whose date of birth nearly matches PDS
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold exactly one patient
    And the returned patient should carry the NHS number, marked verified

  @TKT-041 @FND-056 @since-1.2.7 @CORE-125
  Scenario: A never-verified patient whose demographics do not verify stays out of the Bundle
    Given a never-verified patient whose demographics do not match PDS
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @TKT-042 @TKT-043 @FND-057 @FND-058 @FND-059 @since-1.2.7 @CORE-125
  Scenario Outline: A never-verified patient whom PDS flags stays out of the Bundle
    Given <patient>
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

    Examples:
      | patient                                                        |
      | a never-verified patient recorded as deceased on PDS           |
      | a never-verified patient marked sensitive on PDS               |
      | a never-verified patient whose NHS number is superseded on PDS |
