# Source: GP Connect 1.2.7 specification, Appointment Management — Search for free slots, Book, Read and Retrieve; FHIR
# resource guidance (date-times in UK local time with their UTC offset); obligations APT-039, APT-131, CORE-110.
@appointments @clock-changes
Feature: Appointments across a UK clock change
  GP Connect gives appointment and slot times in UK local time with the UTC offset in force at each instant: +00:00 (GMT)
  in winter, +01:00 (BST) in summer. Around the next UK clock change (the last Sunday of March or October, worked out
  from the Europe/London time-zone rules) each start and end carries its own instant's offset, slot lengths do not
  gain or lose the hour, and an appointment booked on the other side of the change from today reads back at the same
  instant. The scenarios apply when the days either side of the change fall inside the booking horizon: run with
  --as-of a date a few days before a change to exercise them (the embedded reference provider follows the date).

  @use-case-search-for-free-slots @APT-039 @CORE-110 @since-1.2.3
  Scenario: Free slots either side of the clock change carry the UTC offset of their own instant
    Given the search window spans the next UK clock change
    When the consumer searches for free slots
    Then the response status should be 200
    And the free slots should lie on both sides of the clock change
    And every free slot's start and end should carry the UK offset in force at its own instant

  @use-case-search-for-free-slots @APT-039 @since-1.2.3
  Scenario: Free slots keep their schedule's length across the clock change
    Given the search window spans the next UK clock change
    When the consumer searches for free slots
    Then the response status should be 200
    And some schedule should offer free slots on both sides of the clock change
    And every free slot should last as long as its schedule's slots on the other side of the clock change

  @use-case-read-an-appointment @APT-131 @CORE-110 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment booked across the clock change reads back at the same instant
    Given a patient who can be booked
    And an appointment the consumer has booked on the other side of the next UK clock change
    When the consumer reads the appointment
    Then the response status should be 200
    And the appointment read should start and end at the instants of the booked slot

  @use-case-retrieve-a-patients-appointments @APT-131 @CORE-110 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: Retrieving over a range spanning the clock change returns the booking at the same instant
    Given a patient who can be booked
    And an appointment the consumer has booked on the other side of the next UK clock change
    When the consumer retrieves the patient's appointments over a range spanning the clock change
    Then the response status should be 200
    And the retrieved appointments should include the booked one at the instants of the booked slot
