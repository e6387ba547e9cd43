# Source: GP Connect 1.2.3 release notes, ticket #643 (CareConnect-HumanLanguage-1 display texts); obligation TKT-006.
@ticket-643 @release-1.2.3 @foundations @use-case-find-a-patient
Feature: GPC-643 HumanLanguage displays follow ISO 639-2
  CareConnect-HumanLanguage-1 v1.1.0 corrected the displays of bh ("Bihari languages"), ii ("Sichuan Yi; Nuosu"),
  ps ("Pushto; Pashto") and ro ("Romanian; Moldavian; Moldovan"). Wherever a provider returns one of these languages in
  nhsCommunication with a display, the display is the corrected text; the old one is a failure.

  Background:
    Given a patient whose language display was corrected by #643

  @TKT-006 @FND-044 @since-1.2.3
  Scenario: Find a patient returns the corrected language display
    When the consumer finds the patient by NHS number
    Then the searchset Bundle should hold exactly one patient
    And the returned patient's language display should be the ISO 639-2 text #643 requires

  @TKT-006 @FND-044 @since-1.2.3
  Scenario: Read a patient returns the corrected language display
    When the consumer finds the patient by NHS number
    And the consumer reads the patient returned
    Then the response status should be 200
    And the returned patient's language display should be the ISO 639-2 text #643 requires
