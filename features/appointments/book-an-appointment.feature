# Source: ../shared/spec/appointments.md §4 (Book an appointment) and §13.3 (APT-074 … APT-120).
@appointments @use-case-book-an-appointment @writes
Feature: Book an appointment
  A consumer books one free slot, or several adjacent slots of one schedule, for a patient: POST [base]/Appointment with
  the patient and location participants, start and end spanning the slots, status booked, a description and the
  consumer as booking organisation (a contained Organization). The provider answers 201 with the stored Appointment, or
  409 DUPLICATE_REJECTED when a slot is no longer free. Every appointment these scenarios book is cancelled afterwards.

  Background:
    Given a patient who can be booked

  @APT-074 @APT-076 @APT-077 @since-1.2.7
  Scenario: Booking a free slot creates the appointment with the slot's type
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the response should be an Appointment with status "booked"
    And the appointment should carry the booked slot's type as its only slot type

  @APT-076 @since-1.2.3
  Scenario: The booked appointment is stored as it was sent
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the appointment should reference the booked slots
    And the appointment should span the booked slots
    And the response should be valid against the "GPConnect-Appointment-1" profile

  @APT-085 @since-1.2.3
  Scenario: The same slot booked twice: only the first booking succeeds
    Given a free slot found by searching for free slots
    And the consumer has booked the slot
    When the consumer books the same slot again
    Then the response should be an OperationOutcome with Spine error code "DUPLICATE_REJECTED"

  @APT-087 @TKT-046 @since-1.2.3
  Scenario: Two slots of one schedule separated by a gap cannot be booked together
    Given two free slots separated by a gap found by searching for free slots
    When the consumer books the slots
    Then the provider should refuse the request with an OperationOutcome

  @APT-088 @APT-089 @TKT-046 @since-1.2.3
  Scenario Outline: Adjacent slots on different schedules or with different delivery channels cannot be booked together
    Given two free slots <relation> found by searching for free slots
    When the consumer books the slots
    Then the provider should refuse the request with an OperationOutcome

    Examples:
      | relation                         |
      | on different schedules           |
      | with different delivery channels |

  @APT-084 @since-1.2.3
  Scenario: A booked slot is no longer offered as free
    Given a free slot found by searching for free slots
    And the consumer has booked the slot
    When the consumer searches for free slots
    Then the response status should be 200
    And the booked slots should not be among the free slots

  @APT-082 @since-1.2.3
  Scenario: A 100-character description and a 500-character comment are stored as sent
    Given a free slot found by searching for free slots
    When the consumer books the slot with a 100-character description and a 500-character comment
    Then the response status should be 201
    And the appointment's description and comment should be stored as sent

  @APT-083 @since-1.2.3
  Scenario: A description longer than the practice system can store is refused, not truncated
    Given a free slot found by searching for free slots
    When the consumer books the slot with a 10000-character description and a 10-character comment
    Then the provider should refuse the request with an OperationOutcome

  @APT-105 @since-1.2.3
  Scenario: A booking that carries a specialty is refused
    Given a free slot found by searching for free slots
    When the consumer books the slot with "specialty" in the request
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @APT-104 @APT-106 @since-1.2.3
  Scenario Outline: A booking that carries an element GP Connect appointments must not have is refused
    Given a free slot found by searching for free slots
    When the consumer books the slot with "<element>" in the request
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | element               |
      | reason                |
      | appointmentType       |
      | indication            |
      | supportingInformation |
      | incomingReferral      |
      | requestedPeriod       |

  @APT-075 @since-1.2.3
  Scenario: The booking response names the new appointment version in its headers
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the response should name the new version in its Location and ETag headers
