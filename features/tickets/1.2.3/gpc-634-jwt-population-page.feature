# Source: GP Connect 1.2.3 release notes, ticket #634 (a clearer page on populating the JWT: consumer guidance only,
# no provider obligation).
@ticket-634 @release-1.2.3 @core @use-case-jwt-bearer-token @not-provider-testable
Feature: GPC-634 Clearer JWT population guidance
  The JWT page was restructured into one section per claim with clearer examples. It restates consumer duties (UNK for
  SDS ids without a smartcard) and warns providers that consumers vary in the practitioner identifiers they send. No
  provider behaviour changed; what a provider must do with tokens is checked by the JWT feature.

  @since-1.2.3
  Scenario: The JWT population page rewrite changes nothing a provider does
    Given this ticket changes nothing a provider does: #634 is a cosmetic rewrite of consumer guidance on populating the JWT; token validation rules are unchanged and are checked in features/core/jwt.feature
