# Source: GP Connect 1.2.3 release notes, ticket #616 (the specification renamed to "GP Connect API").
@ticket-616 @release-1.2.3 @foundations @not-provider-testable
Feature: GPC-616 Specification renamed to "GP Connect API"
  The specification's product name changed from "GP Connect" to "GP Connect API" on the index, overview and release-note
  pages. Nothing on the wire changes: the sample CapabilityStatement name stays "GP Connect", and no provider request or
  response differs, so there is nothing a provider can be tested for.

  Scenario: The rename is documentation only
    Given this ticket changes nothing a provider does: #616 renames the specification in its documentation pages only; no request, response or resource element changes
