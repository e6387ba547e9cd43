# Source: GP Connect 1.2.3 release notes (the variant listing #636, practitioner roles added to GPConnect-PractitionerRole-1);
# obligations TKT-004, TKT-005, and the 1.2.7 specification, Appointment Management value sets (APT-046, APT-047).
@ticket-636 @release-1.2.3 @appointments @use-case-search-for-free-slots
Feature: GPC-636 Additional practitioner roles for bookable schedules (1.2.3)
  The practitioner-role value set was extended so that practices can offer GP Connect-bookable appointments with
  practitioners other than GPs and nurses (2019 GMS contract): a provider maps the roles of its bookable schedules to the
  wider list, and those schedules' slots are offered like any other.

  @TKT-005 @APT-047 @since-1.2.3
  Scenario: A schedule of an additional practitioner role is offered with that role
    Given the search window starts tomorrow and lasts 7 days
    When the consumer searches for free slots
    Then the response status should be 200
    And the search should offer the schedule with the additional practitioner role
