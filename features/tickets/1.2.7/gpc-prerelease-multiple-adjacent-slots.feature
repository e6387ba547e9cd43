# Source: GP Connect 1.2.7 pre-release notes, ticket #912 (new rules for booking several adjacent slots); obligations
# TKT-044 … TKT-046 and APT-086 … APT-090.
@ticket-912 @release-1.2.7 @appointments @use-case-book-an-appointment @writes
Feature: GPC-912 (PRERELEASE) Multiple adjacent slots must share one slot type
  Several slots can be booked as one appointment only when they are adjacent, on one schedule, with one delivery
  channel and, from 1.2.7, one slot type. The appointment then runs from the first slot's start to the last slot's end.

  Background:
    Given a patient who can be booked

  @TKT-044 @APT-086 @since-1.2.7 @consumes-free-slots:2
  Scenario: Two adjacent slots of one schedule and one slot type are booked as one appointment
    Given two free slots adjacent on one schedule found by searching for free slots
    When the consumer books the slots
    Then the response status should be 201
    And the appointment should reference the booked slots
    And the appointment should span the booked slots
    And the appointment should carry the booked slot's type as its only slot type

  @TKT-045 @APT-090 @since-1.2.7
  Scenario: Two adjacent slots with different slot types cannot be booked together
    Given two free slots with different slot types found by searching for free slots
    When the consumer books the slots
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none
