# Source: GP Connect 1.2.7 specification, Appointment Management — Read an appointment; obligations APT-145 … APT-153.
@appointments @use-case-read-an-appointment
Feature: Read an appointment
  A consumer reads one current or future appointment by its logical id: GET [base]/Appointment/[id]. The provider returns
  the Appointment with its meta.versionId (also in the ETag), whoever booked it and however (#663), with the slot type
  and schedule type (#912).

  @APT-145 @APT-151 @since-1.2.7
  Scenario: A future appointment is returned with its id and one slot type
    Given an appointment booked by another organisation through GP Connect
    When the consumer reads the appointment
    Then the response status should be 200
    And the read appointment should have the requested id
    And the appointment should carry one slot type

  # Read an appointment: the Appointment conforms to GPConnect-Appointment-1 (the profile's own cardinalities are checked
  # by validating against it) and carries what the pages add: meta.profile, meta.versionId (also as the weak ETag),
  # created, and its patient and location as participants.
  @APT-145 @since-1.2.3
  Scenario: A read appointment carries an ETag of its version and every element a returned appointment must have
    Given an appointment booked by another organisation through GP Connect
    When the consumer reads the appointment
    Then the response status should be 200
    And the response ETag should be the weak tag of the resource's version
    And the response should be valid against the "GPConnect-Appointment-1" profile
    And the appointment should carry every element the spec pages require of a returned appointment

  # GP Connect's FHIR resource guidance: a reference in a returned resource resolves; a consumer reads each participant
  # of the appointment it booked with the Foundations read interactions.
  @APT-076 @since-1.2.3
  Scenario: Every patient, practitioner and location a booked appointment names can be read
    Given an appointment booked by another organisation through GP Connect
    When the consumer reads the appointment
    And the consumer reads each patient, practitioner and location the appointment names
    Then every participant read should give the resource its reference names

  @APT-148 @since-1.2.3
  Scenario: A cancelled future appointment can still be read
    Given a cancelled appointment
    When the consumer reads the appointment
    Then the response status should be 200
    And the response should be an Appointment with status "cancelled"

  @APT-149 @since-1.2.3
  Scenario: An appointment id the practice does not hold is reported as not found
    Given an appointment id the practice does not hold
    When the consumer reads the appointment
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"

  @APT-153 @APT-174 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: A read after an amendment shows the amended description
    Given an appointment the consumer has booked
    And the consumer has amended the appointment's description
    When the consumer reads the appointment
    Then the response status should be 200
    And the appointment's description should be the amended text

  @APT-080 @APT-119 @APT-134 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment the consumer booked reads back with the booking organisation it sent
    Given an appointment the consumer has booked
    When the consumer reads the appointment
    Then the response status should be 200
    And the appointment should name the consumer as booking organisation, as it was sent

  @APT-150 @since-1.2.3
  Scenario: An appointment that started before today cannot be read
    Given an appointment that started before today
    When the consumer reads the appointment
    Then the provider should refuse the request with an OperationOutcome

  @APT-152 @since-1.2.3
  Scenario: Business identifiers of an appointment carry only a system and a value
    Given an appointment for which the practice holds business identifiers
    When the consumer reads the appointment
    Then the response status should be 200
    And the appointment's identifiers should each carry only a system and a value

  @APT-127 @TKT-027 @since-1.2.7
  Scenario: A Visit appointment names the placeholder visit location and gives the kind of visit in its comment
    Given a Visit appointment
    When the consumer reads the appointment
    And the consumer reads the Location the appointment names
    Then the response status should be 200
    And the Location read should not be one of the practice's surgeries
    And the appointment's comment should name the kind of visit
