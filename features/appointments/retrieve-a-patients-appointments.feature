# Source: GP Connect 1.2.7 specification, Appointment Management — Retrieve a patient's appointments; obligations APT-121 … APT-144.
@appointments @use-case-retrieve-a-patients-appointments
Feature: Retrieve a patient's appointments
  A consumer lists a patient's appointments in a date range: GET [base]/Patient/[id]/Appointment with exactly one
  start=ge[date] and one start=le[date], full dates, neither before today. Every appointment of the patient starting in
  the range comes back, whatever its status, its booking organisation or route (#663) and its delivery channel (#826).

  Background:
    Given a patient with appointments booked elsewhere

  @APT-121 @APT-132 @since-1.2.7
  Scenario: The patient's appointments come back in a searchset, each with one slot type
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And every appointment in the bundle should carry one slot type

  @APT-125 @since-1.2.3
  Scenario: Cancelled appointments are included
    Given a cancelled appointment
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @APT-135 @since-1.2.3
  Scenario: A date range that starts in the past is refused
    When the consumer retrieves the patient's appointments from 30 days ago to tomorrow
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-131 @APT-133 @since-1.2.3
  Scenario: Retrieved appointments give their times in UK local time and carry no specialty or reason
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Appointment"
    And every "Appointment" in the bundle should give its "start" and "end" in UK local time
    And no "Appointment" in the bundle should have a "specialty" element
    And no "Appointment" in the bundle should have a "reason" element

  @APT-137 @since-1.2.3
  Scenario: A range with only a lower bound is refused
    When the consumer retrieves the patient's appointments with only start "ge{today}"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-136 @APT-139 @APT-140 @APT-141 @APT-142 @since-1.2.3
  Scenario Outline: A range that is not one ge and one le full date, in order and not in the past, is refused
    When the consumer retrieves the patient's appointments with start "<first>" and start "<second>"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

    Examples:
      | first                    | second       |
      | ge{today-10}             | le{today-1}  |
      | ge{today}T09:00:00+01:00 | le{today+5}  |
      | ge{this-month}           | le{today+5}  |
      | ge{today}                | ge{today+5}  |
      | gt{today}                | le{today+5}  |
      | ge{today+5}              | le{today+1}  |

  @APT-143 @since-1.2.3
  Scenario: A patient the practice does not hold is reported as not found
    Given a patient the practice does not hold
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

  @APT-181 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment the consumer cancelled is still retrieved, as cancelled
    Given an appointment the consumer has booked
    And the consumer has cancelled the appointment
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @APT-020 @since-1.2.3 @CORE-123 @CORE-124
  Scenario: The appointments of a patient whose record is marked sensitive are not disclosed
    Given the appointments asked for are those of a patient whose record is marked sensitive
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

  @APT-138 @since-1.2.3
  Scenario: A retrieval without any start parameter is refused
    When the consumer retrieves the patient's appointments without any start parameter
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER"

  @APT-021 @since-1.2.3 @CORE-126
  Scenario: A patient's dissent from sharing their record does not stop their appointments being retrieved
    Given the appointments asked for are those of a patient who has dissented from sharing their record
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the response should be a searchset Bundle

  @APT-122 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment the consumer booked is retrieved
    Given an appointment the consumer has booked
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @APT-128 @since-1.2.3
  Scenario: A range from today includes an appointment earlier today whose time has passed
    Given an appointment of the patient earlier today, whose time has passed
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @APT-129 @since-1.2.3
  Scenario: An appointment on the upper-bound date is included
    Given a cancelled appointment
    And the consumer has read the appointment
    When the consumer retrieves the patient's appointments from today to the day of that appointment
    Then the response status should be 200
    And the patient's appointments should include that appointment

  @APT-129 @since-1.2.3
  Scenario: An appointment after the upper-bound date is left out
    Given a cancelled appointment
    And the consumer has read the appointment
    When the consumer retrieves the patient's appointments from today to the day before that appointment
    Then the response status should be 200
    And the patient's appointments should not include that appointment

  @APT-130 @since-1.2.3
  Scenario: A patient without appointments in the range gets an empty searchset
    Given a patient without appointments in the coming two weeks
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And the response should be an empty searchset

  @APT-144 @since-1.2.3
  Scenario: A search parameter Retrieve does not support is ignored
    When the consumer retrieves the patient's appointments for the next 14 days with the extra parameter "_sort=date"
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Appointment"

  @TKT-004 @since-1.2.3
  Scenario: Every practitioner role on the patient's appointments is an SDS job role of the GP Connect list (#636)
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response should be a searchset Bundle containing at least one "Appointment"
    And every Appointment in the bundle should carry one practitioner role from the GP Connect job-role list
