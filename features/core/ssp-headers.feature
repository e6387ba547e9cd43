# Source: GP Connect 1.2.7 specification, Integration — Spine Secure Proxy (request headers), Interaction IDs, and the error handling guidance (BAD_REQUEST).
@core @use-case-spine-secure-proxy-headers
Feature: Spine Secure Proxy headers
  Every GP Connect request carries four Spine Secure Proxy headers: Ssp-TraceID (a new GUID per request), Ssp-From
  (the consumer's ASID), Ssp-To (the provider's ASID for the endpoint) and Ssp-InteractionID (the exact URN of the
  interaction the method and path make). A provider SHALL check them: a missing, empty or invalid header, or an
  interaction ID that does not match the request, is refused with 400 and an OperationOutcome carrying BAD_REQUEST.
  Each rule is checked on a representative read, search and write. Write requests are well formed but would book
  nothing, so only the header decides the outcome.

  @CORE-028 @CORE-029 @CORE-030 @CORE-031 @since-1.2.3 @FND-011
  Scenario Outline: A <use case> request without the <header> header is rejected
    Given the request omits the "<header>" header
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | header            |
      | Get the FHIR capability statement | Ssp-TraceID       |
      | Search for free slots             | Ssp-TraceID       |
      | Book an appointment               | Ssp-TraceID       |
      | Get the FHIR capability statement | Ssp-From          |
      | Search for free slots             | Ssp-From          |
      | Book an appointment               | Ssp-From          |
      | Get the FHIR capability statement | Ssp-To            |
      | Search for free slots             | Ssp-To            |
      | Book an appointment               | Ssp-To            |
      | Get the FHIR capability statement | Ssp-InteractionID |
      | Search for free slots             | Ssp-InteractionID |
      | Book an appointment               | Ssp-InteractionID |

  @CORE-028 @CORE-029 @CORE-030 @CORE-031 @since-1.2.3 @FND-011
  Scenario Outline: A <use case> request with an empty <header> header is rejected
    Given the request header "<header>" is ""
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | header            |
      | Get the FHIR capability statement | Ssp-TraceID       |
      | Search for free slots             | Ssp-From          |
      | Book an appointment               | Ssp-To            |
      | Get the FHIR capability statement | Ssp-InteractionID |

  @CORE-037 @since-1.2.3
  Scenario Outline: A <use case> request whose Ssp-TraceID is not a GUID is rejected
    Given the request header "Ssp-TraceID" is "not-a-guid-1234"
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |
      | Book an appointment               |

  @CORE-036 @since-1.2.3
  Scenario Outline: A <use case> request whose Ssp-To is not the provider's ASID is rejected
    Given the request's Ssp-To is an ASID other than the provider's
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |
      | Book an appointment               |

  @CORE-032 @since-1.2.3
  Scenario Outline: A <use case> request naming the <other> interaction in Ssp-InteractionID is rejected
    Given the request's Ssp-InteractionID names the "<other>" interaction
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | other                 |
      | Get the FHIR capability statement | Read a patient        |
      | Search for free slots             | Read a location       |
      | Book an appointment               | Amend an appointment  |

  @CORE-033 @since-1.2.3
  Scenario Outline: A <use case> request whose Ssp-InteractionID is not a GP Connect interaction is rejected
    Given the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:unknown-1"
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |
      | Book an appointment               |

  @CORE-034 @since-1.2.3
  Scenario Outline: A <use case> request whose Ssp-InteractionID differs only in letter case is rejected
    Given the request's Ssp-InteractionID is the right one in upper case
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |
      | Book an appointment               |
