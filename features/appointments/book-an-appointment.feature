# Source: GP Connect 1.2.7 specification, Appointment Management — Book an appointment; obligations APT-074 … APT-120.
@appointments @use-case-book-an-appointment @writes
Feature: Book an appointment
  A consumer books one free slot, or several adjacent slots of one schedule, for a patient: POST [base]/Appointment with
  the patient and location participants, start and end spanning the slots, status booked, a description and the
  consumer as booking organisation (a contained Organization). The provider answers 201 with the stored Appointment, or
  409 DUPLICATE_REJECTED when a slot is no longer free. Every appointment these scenarios book is cancelled afterwards.

  Background:
    Given a patient who can be booked

  @APT-074 @APT-076 @APT-077 @since-1.2.7 @CORE-099 @consumes-free-slots:1
  Scenario: Booking a free slot creates the appointment with the slot's type
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the response should be an Appointment with status "booked"
    And the appointment should carry the booked slot's type as its only slot type

  @APT-076 @since-1.2.3 @CORE-099 @consumes-free-slots:1
  Scenario: The booked appointment is stored as it was sent
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the appointment should reference the booked slots
    And the appointment should span the booked slots
    And the response should be valid against the "GPConnect-Appointment-1" profile

  @APT-085 @since-1.2.3 @consumes-free-slots:1
  Scenario: The same slot booked twice: only the first booking succeeds
    Given a free slot found by searching for free slots
    And the consumer has booked the slot
    When the consumer books the same slot again
    Then the response should be an OperationOutcome with Spine error code "DUPLICATE_REJECTED"

  @APT-087 @TKT-046 @since-1.2.3
  Scenario: Two slots of one schedule separated by a gap cannot be booked together
    Given two free slots separated by a gap found by searching for free slots
    When the consumer books the slots
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

  @APT-088 @APT-089 @TKT-046 @since-1.2.3
  Scenario Outline: Adjacent slots on different schedules or with different delivery channels cannot be booked together
    Given two free slots <relation> found by searching for free slots
    When the consumer books the slots
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

    Examples:
      | relation                         |
      | on different schedules           |
      | with different delivery channels |

  @APT-084 @since-1.2.3 @consumes-free-slots:1
  Scenario: A booked slot is no longer offered as free
    Given a free slot found by searching for free slots
    And the consumer has booked the slot
    When the consumer searches for free slots
    Then the response status should be 200
    And the booked slots should not be among the free slots

  @APT-082 @since-1.2.3 @consumes-free-slots:1
  Scenario: A 100-character description and a 500-character comment are stored as sent
    Given a free slot found by searching for free slots
    When the consumer books the slot with a 100-character description and a 500-character comment
    Then the response status should be 201
    And the appointment's description and comment should be stored as sent

  @APT-083 @since-1.2.3
  Scenario: A description longer than the practice system can store is refused, not truncated
    Given a free slot found by searching for free slots
    When the consumer books the slot with a 10000-character description and a 10-character comment
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

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

  @APT-075 @since-1.2.3 @CORE-097 @consumes-free-slots:1
  Scenario: The booking response names the new appointment version in its headers
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the response should name the new version in its Location and ETag headers

  @APT-091 @APT-094 @APT-095 @APT-097 @APT-098 @APT-099 @APT-100 @APT-101 @APT-102 @APT-103 @APT-114 @APT-115 @since-1.2.3
  Scenario Outline: A booking that lacks a mandatory element or breaks the request rules is refused as an invalid resource
    Given a free slot found by searching for free slots
    When the consumer books the slot <defect>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | defect                                         |
      | without the patient participant                |
      | without the location participant               |
      | with a participant without an actor            |
      | with a participant without a status            |
      | without a start                                |
      | without an end                                 |
      | without a status                               |
      | without a slot                                 |
      | with an identifier without a value             |
      | with the status pending                        |
      | without the booking organisation               |
      | with a booking organisation without a name     |
      | with a booking organisation without a telecom  |
      | with a booking organisation without an ODS code |
      | without a description                          |
      | without a created date                         |
      | with a start an hour before the slot's         |
      | with an end an hour after the slot's           |
      | as a Bundle instead of an Appointment          |

  # GP Connect's FHIR resource guidance: references in a request are relative (Type/id, #id); an absolute one is refused
  # as an invalid resource (NHS assurance expects the same).
  @APT-115 @since-1.2.3
  Scenario Outline: A booking with an absolute reference is refused as an invalid resource
    Given a free slot found by searching for free slots
    When the consumer books the slot <defect>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | defect                                      |
      | with an absolute reference to the patient   |
      | with an absolute reference to the location  |
      | with an absolute reference to the slot      |

  @APT-092 @since-1.2.3 @CORE-084
  Scenario: Booking a slot the practice does not hold is refused as a reference not found
    Given a free slot found by searching for free slots
    When the consumer books a slot the practice does not hold
    Then the provider should refuse it with "REFERENCE_NOT_FOUND" as the spec pages say, or with "INVALID_RESOURCE" as NHS assurance expects (divergence bookingUnknownSlot)

  @APT-093 @since-1.2.3
  Scenario: Booking for a patient the practice does not hold is refused as a reference not found
    Given a free slot found by searching for free slots
    When the consumer books the slot for a patient the practice does not hold
    Then the response should be an OperationOutcome with Spine error code "REFERENCE_NOT_FOUND", or "PATIENT_NOT_FOUND" with a warning

  @APT-113 @since-1.2.3
  Scenario: A booking whose body is not valid JSON is refused as a bad request
    Given a free slot found by searching for free slots
    When the consumer books the slot with a body that is not valid JSON
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @APT-108 @since-1.2.3
  Scenario: A free slot that has already started cannot be booked
    Given a free slot in the past found by searching for free slots
    When the consumer books the slot
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

  @APT-110 @APT-111 @since-1.2.3 @consumes-free-slots:1
  Scenario Outline: A booking without the elements a consumer may leave out is accepted
    Given a free slot found by searching for free slots
    When the consumer books the slot <omission>
    Then the response status should be 201
    And the response should be an Appointment with status "booked"

    Examples:
      | omission                                       |
      | without a practitioner participant or a comment |
      | with a booking organisation without a type     |

  @APT-112 @TKT-037 @since-1.2.7 @consumes-free-slots:1
  Scenario: A slot type and schedule type sent by the consumer are ignored: the appointment carries the slot's own
    Given a free slot found by searching for free slots
    When the consumer books the slot sending a slot type and a schedule type of its own
    Then the response status should be 201
    And the appointment should carry the booked slot's type as its only slot type
    And the appointment should carry the schedule type, delivery channel and practitioner role of the booked slot

  @APT-078 @APT-079 @APT-081 @since-1.2.7 @consumes-free-slots:1
  Scenario: The booked appointment carries its slot's schedule type, delivery channel and practitioner role, and no reason or specialty
    Given a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the appointment should carry the schedule type, delivery channel and practitioner role of the booked slot
    And the appointment should carry neither "reason" nor "specialty"

  # Honouring Prefer is a SHOULD (CORE-100): a wrong status fails, a body sent anyway is a warning.
  @APT-116 @since-1.2.3 @CORE-100 @consumes-free-slots:1
  Scenario: A booking that prefers a minimal return is answered without a body
    Given a free slot found by searching for free slots
    And the request header "Prefer" is "return=minimal"
    When the consumer books the slot
    Then the response status should be 201 with no body

  @APT-118 @since-1.2.3 @consumes-registrable-patients:1 @consumes-free-slots:1
  Scenario: A patient registered at the practice as a temporary patient can then be booked
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    And the consumer books a free slot for the patient just registered
    Then the response status should be 201
    And the response should be an Appointment with status "booked"

  @APT-117 @since-1.2.3 @consumes-free-slots:1
  Scenario: A booking sent as XML is accepted and answered in XML
    Given a free slot found by searching for free slots
    When the consumer books the slot sending the appointment as XML
    Then the response status should be 201
    And the response should be FHIR XML
    And the response should be an Appointment with status "booked"

  @APT-120 @since-1.2.3 @consumes-free-slots:1
  Scenario: A booking beyond the slot limit the practice set for the booking organisation is refused
    Given an organisation with a slot limit has booked as many appointments as its limit allows
    When that organisation books one more slot
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none
