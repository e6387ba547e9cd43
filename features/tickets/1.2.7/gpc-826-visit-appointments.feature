# Source: GP Connect 1.2.7 release notes, ticket #826 (the "Visit" delivery channel); obligations TKT-024 … TKT-030.
@ticket-826 @release-1.2.7 @appointments @use-case-retrieve-a-patients-appointments
Feature: GPC-826 Visit appointments are returned by read and retrieve only
  The delivery channel Visit (home and care-home visits) is added. Visit appointments are returned by Read an
  appointment and Retrieve a patient's appointments, but Visit slots are never offered by Search for free slots, and
  Visit appointments cannot be booked, amended or cancelled through GP Connect.

  @TKT-024 @APT-048 @since-1.2.7
  Scenario: A free Visit slot is never offered by a search
    Given the search window starts tomorrow and lasts 7 days
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And every "Slot" in the bundle should be offered in person, by telephone or by video

  @TKT-025 @APT-126 @since-1.2.7
  Scenario: Retrieve includes the patient's Visit appointment
    Given a patient with appointments booked elsewhere
    And a Visit appointment
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @TKT-026 @APT-147 @since-1.2.7
  Scenario: A Visit appointment can be read, with delivery channel Visit
    Given a Visit appointment
    When the consumer reads the appointment
    Then the response status should be 200
    And the appointment's delivery channel should be "Visit"

  @TKT-028 @APT-109 @writes @since-1.2.7
  Scenario: A Visit slot cannot be booked
    Given a patient who can be booked
    When the consumer books the Visit slot
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

  @TKT-029 @APT-169 @writes @since-1.2.7
  Scenario: A Visit appointment cannot be amended
    Given a Visit appointment
    And the consumer has read the appointment
    When the consumer amends the appointment's description
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

  @TKT-030 @APT-188 @writes @since-1.2.7
  Scenario: A Visit appointment cannot be cancelled
    Given a Visit appointment
    And the consumer has read the appointment
    When the consumer cancels the appointment
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none
