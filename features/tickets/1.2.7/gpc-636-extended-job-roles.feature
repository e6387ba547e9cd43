# Source: GP Connect 1.2.7 release notes, ticket #636 (job roles extended in GPConnect-PractitionerRole-1); obligation
# TKT-031, and the 1.2.7 specification, Appointment Management value sets (APT-046, APT-047).
@ticket-636 @release-1.2.7 @appointments @use-case-search-for-free-slots
Feature: GPC-636 Extended job roles for bookable schedules (1.2.7)
  The practitioner-role value set is extended again, towards the full SDS job-role list, so that schedules of any
  clinical role a practice offers (physiotherapists, for example) can be booked through GP Connect and carry that role.

  @TKT-031 @APT-047 @since-1.2.7
  Scenario: A schedule of an extended job role is offered with that role
    Given the search window starts tomorrow and lasts 7 days
    When the consumer searches for free slots
    Then the response status should be 200
    And the search should offer the schedule with the extended practitioner role
