# Source: GP Connect 1.2.4 release notes, ticket #662 (DOS service discovery), and the 1.2.7 specification,
# Appointment Management.
@ticket-662 @release-1.2.4 @appointments @use-case-search-for-free-slots @not-provider-testable
Feature: GPC-662 Directory of Services service discovery
  1.2.4 documents how consumers choose the practice to book into (PDS, local configuration, or the Directory of
  Services for urgent-care consumers). It adds no provider interface and no provider behaviour: providers already serve
  bookings for temporarily registered patients and ignore search parameters they do not recognise.

  @since-1.2.4
  Scenario: The ticket changes how consumers find a practice, not what a provider does
    Given this ticket changes nothing a provider does: service discovery through PDS, local configuration or DOS happens before any provider is called
