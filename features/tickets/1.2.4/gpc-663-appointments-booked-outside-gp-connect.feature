# Source: GP Connect 1.2.4 release notes, ticket #663 (appointments not booked through GP Connect); obligations
# TKT-013 … TKT-016.
@ticket-663 @release-1.2.4 @appointments @use-case-retrieve-a-patients-appointments
Feature: GPC-663 Appointments booked outside GP Connect or by other organisations
  Read, retrieve, amend and cancel apply to every appointment of the practice, whether it was booked through GP Connect
  by another organisation or directly in the practice system, not only to those the consumer booked itself.

  Background:
    Given a patient with appointments booked elsewhere

  @TKT-013 @APT-123 @since-1.2.4
  Scenario: Retrieve includes an appointment booked by another organisation
    Given an appointment booked by another organisation through GP Connect
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @TKT-013 @APT-124 @since-1.2.4
  Scenario: Retrieve includes an appointment booked directly in the practice system
    Given an appointment booked directly in the practice system
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @TKT-014 @APT-146 @since-1.2.4
  Scenario: An appointment booked directly in the practice system can be read
    Given an appointment booked directly in the practice system
    When the consumer reads the appointment
    Then the response status should be 200
    And the read appointment should have the requested id

  @TKT-015 @APT-170 @writes @since-1.2.4
  Scenario: An appointment booked by another organisation can be amended
    Given an appointment booked by another organisation through GP Connect
    And the consumer has read the appointment
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the appointment's description should be the amended text

  @TKT-015 @APT-171 @writes @since-1.2.4
  Scenario: An appointment booked directly in the practice system can be amended
    Given an appointment booked directly in the practice system
    And the consumer has read the appointment
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the appointment's description should be the amended text

  @TKT-016 @APT-189 @writes @since-1.2.4
  Scenario: An appointment booked by another organisation can be cancelled
    Given an appointment booked by another organisation through GP Connect, kept for cancelling
    And the consumer has read the appointment
    When the consumer cancels the appointment
    Then the response status should be 200
    And the response should be an Appointment with status "cancelled"

  @TKT-016 @APT-190 @writes @since-1.2.4
  Scenario: An appointment booked directly in the practice system can be cancelled
    Given an appointment booked directly in the practice system, kept for cancelling
    And the consumer has read the appointment
    When the consumer cancels the appointment
    Then the response status should be 200
    And the response should be an Appointment with status "cancelled"
