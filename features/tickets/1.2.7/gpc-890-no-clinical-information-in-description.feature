# Seed: ../shared/seeds/release-notes-1.2.7.md (#890).
# Digest: ../shared/spec/tickets.md #890 and appointments.md §4.2, §4.4.
@ticket-890 @release-1.2.7 @appointments @use-case-book-an-appointment @not-provider-testable
Feature: GPC-890 Description and comment must not hold clinical information
  Consumers must not put clinical information in an appointment's description or comment. This is a rule for what
  consumers write; providers store and return the text as sent and are not expected to detect clinical content.

  @since-1.2.7
  Scenario: The ticket restricts what consumers write, not what a provider does
    Given this ticket changes nothing a provider does: it is a content rule for consumers, and providers store description and comment as sent
