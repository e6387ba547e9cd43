# Source: GP Connect 1.2.7 release notes, ticket #890 (no clinical information in description or comment), and the
# 1.2.7 specification, Appointment Management — Book an appointment.
@ticket-890 @release-1.2.7 @appointments @use-case-book-an-appointment @not-provider-testable
Feature: GPC-890 Description and comment must not hold clinical information
  Consumers must not put clinical information in an appointment's description or comment. This is a rule for what
  consumers write; providers store and return the text as sent and are not expected to detect clinical content.

  @since-1.2.7
  Scenario: The ticket restricts what consumers write, not what a provider does
    Given this ticket changes nothing a provider does: it is a content rule for consumers, and providers store description and comment as sent
