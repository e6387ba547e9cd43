# Source: GP Connect 1.2.7 release notes and pre-release notes, ticket #912 (slot type and schedule type in Slot,
# Schedule and Appointment); obligations TKT-032, TKT-033, APT-040, APT-041, APT-044.
# The 1.2.7 release note sets Slot.serviceType and Schedule.serviceCategory to 0..1; the later released profiles allow 0..*.
# The suite follows the release note: Expectations:ServiceTypeMax (default 1) says how many serviceType entries are allowed.
@ticket-912 @release-1.2.7 @appointments @use-case-search-for-free-slots
Feature: GPC-912 Slot type and schedule type in Slot and Schedule
  The practice-defined free-text slot type and schedule type (session name) are exposed so that GP Connect
  matches the NHS App and IM1. The slot type goes in Slot.serviceType.text (the provider SHALL populate it) and
  the schedule type in Schedule.serviceCategory.text where available; each element holds at most one entry.

  Background:
    Given the search window starts tomorrow and lasts 7 days

  @TKT-032 @APT-040 @since-1.2.7
  Scenario: Every free slot carries exactly one slot type in serviceType.text
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And every "Slot" in the bundle should have at most the allowed number of "serviceType" entries
    And every "Slot" in the bundle should have a non-empty "serviceType.text"

  @TKT-033 @APT-041 @since-1.2.7
  Scenario: Every schedule carries at most one schedule type in serviceCategory
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Schedule"
    And every "Schedule" in the bundle should have at most 1 "serviceCategory" entry
    And every "Schedule" in the bundle that has a "serviceCategory" should have a non-empty "serviceCategory.text"

  @TKT-032 @TKT-033 @APT-044 @since-1.2.7
  Scenario: Slot type and schedule type stay out of the elements the profiles prohibit
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And no "Slot" in the bundle should have a "serviceCategory" element
    And no "Schedule" in the bundle should have a "serviceType" element

  @TKT-032 @TKT-033 @APT-023 @since-1.2.7
  Scenario: Slots and schedules in the search result are valid against their GP Connect profiles
    When the consumer searches for free slots
    Then the response status should be 200
    And the response should be a searchset Bundle containing at least one "Slot"
    And the response bundle entries should be valid against their GP Connect profiles

  @TKT-034 @APT-077 @writes @since-1.2.7 @consumes-free-slots:1
  Scenario: A booked appointment carries the booked slot's type as its one slot type
    Given a patient who can be booked
    And a free slot found by searching for free slots
    When the consumer books the slot
    Then the response status should be 201
    And the appointment should carry the booked slot's type as its only slot type

  @TKT-035 @APT-132 @since-1.2.7
  Scenario: Retrieved appointments each carry one slot type
    Given a patient with appointments booked elsewhere
    When the consumer retrieves the patient's appointments for the next 14 days
    Then the response status should be 200
    And every appointment in the bundle should carry one slot type

  @TKT-036 @APT-158 @APT-180 @writes @since-1.2.7 @consumes-free-slots:1
  Scenario: Amend and cancel keep the one slot type on the appointment
    Given an appointment the consumer has booked
    And the consumer has amended the appointment's description
    When the consumer cancels the appointment
    Then the response status should be 200
    And the appointment should carry one slot type
