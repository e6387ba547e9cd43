# Seed: ../shared/seeds/release-notes-1.2.3-variant.md (#636 "Additional practitioner roles").
# Digest: ../shared/spec/tickets.md #636 (1.2.3, TKT-004, TKT-005) and appointments.md §2.6 (APT-046, APT-047).
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
