# Source: GP Connect 1.2.7 specification, Integration — Cross-organisation audit and provenance (the JWT bearer token and the provider's response to a bad one).
# Clock skew (#640) lives in features/tickets/1.2.3/gpc-640-jwt-clock-skew.feature; expiry beyond any leeway is here.
@core @use-case-jwt-bearer-token
Feature: JWT bearer token
  Every request carries "Authorization: Bearer <JWT>": an unsigned token (alg none, empty signature, trailing dot) whose
  payload holds the ten mandatory claims iss, sub, aud, exp, iat, reason_for_request, requested_scope,
  requesting_device, requesting_organization and requesting_practitioner. A provider rejects a missing or malformed
  token, a missing or null claim, a claim of the wrong type or value and a claim resource of the wrong type with 400
  BAD_REQUEST; a claim resource of the right type that is not valid FHIR STU3 with 422 INVALID_RESOURCE. It tolerates
  the identifiers live consumers leave out. Checked on the capability statement (a read); scope-dependent claims also
  on a search and a write.

  @CORE-046 @since-1.2.3 @FND-014
  Scenario Outline: A token without the <claim> claim is rejected
    Given the JWT has no "<claim>" claim
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | claim                   |
      | iss                     |
      | sub                     |
      | aud                     |
      | exp                     |
      | iat                     |
      | reason_for_request      |
      | requested_scope         |
      | requesting_device       |
      | requesting_organization |
      | requesting_practitioner |

  @CORE-045 @CORE-047 @since-1.2.3 @FND-014
  Scenario Outline: A token whose <claim> claim is null is rejected
    Given the JWT "<claim>" claim is null
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | claim                   |
      | iss                     |
      | sub                     |
      | aud                     |
      | exp                     |
      | iat                     |
      | reason_for_request      |
      | requested_scope         |
      | requesting_device       |
      | requesting_organization |
      | requesting_practitioner |

  @CORE-040 @CORE-041 @since-1.2.3 @FND-012
  Scenario Outline: A <use case> request with <authorization> is rejected
    Given the request's authorization has <authorization>
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | authorization                           |
      | Get the FHIR capability statement | no Authorization header                 |
      | Search for free slots             | no Authorization header                 |
      | Book an appointment               | no Authorization header                 |
      | Get the FHIR capability statement | the Basic authorization scheme          |
      | Get the FHIR capability statement | a bare token without the Bearer scheme  |

  @CORE-042 @CORE-043 @CORE-044 @since-1.2.3 @FND-012
  Scenario Outline: A malformed token with <defect> is rejected
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | defect                          |
      | no trailing dot                 |
      | segments that are not base64url |
      | a payload that is not JSON      |

  @CORE-042 @since-1.2.3 @FND-012
  Scenario Outline: A signed token with <defect> is rejected where alg none is required
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | defect                                |
      | a header alg of HS256 and a signature |
      | alg none but a signature              |

  @CORE-050 @since-1.2.3
  Scenario Outline: A token with <defect> is rejected as a claim of the wrong type
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | defect                             |
      | exp sent as a string               |
      | iat sent as a decimal              |
      | sub sent as a number               |
      | requesting_device sent as a string |

  @CORE-046 @since-1.2.3 @FND-014
  Scenario: A token whose iss is not a URL is rejected
    Given the request's authorization has iss that is not a URL
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-048 @since-1.2.3
  Scenario: A token whose reason_for_request is not directcare is rejected
    Given the request's authorization has reason_for_request notdirectcare
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-049 @since-1.2.3
  Scenario Outline: A <use case> token whose requested_scope is not a GP Connect scope is rejected
    Given the request's authorization has requested_scope encounter/*.read
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          |
      | Get the FHIR capability statement |
      | Search for free slots             |
      | Book an appointment               |

  @CORE-049 @since-1.2.3
  Scenario Outline: A <use case> token whose requested_scope is a GP Connect scope of the wrong family is rejected
    Given the request's authorization has requested_scope <scope>
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | scope                |
      | Get the FHIR capability statement | patient/*.read       |
      | Search for free slots             | patient/*.read       |
      | Book an appointment               | organization/*.write |

  @CORE-049 @since-1.2.3
  Scenario: A Read a patient token whose requested_scope is organization/*.read, the wrong family for a patient, is rejected
    Given an active patient whose NHS number is verified
    And the JWT's requested_scope is "organization/*.read"
    When the consumer reads the patient
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-045 @since-1.2.3
  Scenario: A token whose aud is another provider's service root is rejected
    Given the request's authorization has aud naming another provider's service root
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-051 @since-1.2.3
  Scenario: A token whose sub is not the requesting practitioner's id is rejected
    Given the request's authorization has sub different from the requesting practitioner id
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @CORE-053 @since-1.2.3
  Scenario Outline: A token with <defect> is rejected as a claim resource of the wrong type
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | defect                                |
      | a Patient as requesting_organization  |

  # A divergence (docs/expectations.md): the spec pages answer 400 BAD_REQUEST, NHS assurance expects 422
  # INVALID_RESOURCE. The spec answer passes, NHS assurance's passes with a warning, and
  # expectations:divergences:jwtClaimResourceType=strict makes it fail.
  @CORE-052 @CORE-054 @since-1.2.3 @divergence
  Scenario Outline: A token with <defect> is rejected as a claim resource of the wrong type
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the provider should refuse it with "BAD_REQUEST" as the spec pages say, or with "INVALID_RESOURCE" as NHS assurance expects (divergence jwtClaimResourceType)

    Examples:
      | defect                                |
      | a Patient as requesting_device        |
      | a Patient as requesting_practitioner  |

  @CORE-055 @CORE-071 @since-1.2.3
  Scenario Outline: A token with <defect> is rejected as an invalid FHIR resource
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | defect                                                        |
      | requesting_device.model as an object                          |
      | an element STU3 does not define in requesting_practitioner   |

  @CORE-056 @CORE-057 @since-1.2.3
  Scenario Outline: A token with <defect> is rejected
    Given the request's authorization has <defect>
    When the consumer sends a "Get the FHIR capability statement" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | defect                                                     |
      | requesting_organization without its ODS code identifier    |
      | requesting_practitioner without its SDS user id identifier |

  @CORE-058 @CORE-059 @CORE-039 @since-1.2.3
  Scenario Outline: A <use case> token with <variation> is accepted
    Given the request's authorization has <variation>
    When the consumer sends a "<use case>" request
    Then the response status should be 200

    Examples:
      | use case                          | variation                                                |
      | Get the FHIR capability statement | UNK as the SDS user id and SDS role profile id           |
      | Search for free slots             | UNK as the SDS user id and SDS role profile id           |
      | Get the FHIR capability statement | only the SDS user id identifier on requesting_practitioner |
      | Search for free slots             | only the SDS user id identifier on requesting_practitioner |

  @CORE-060 @since-1.2.3 @FND-013
  Scenario Outline: A <use case> token that expired <seconds> seconds ago is rejected
    Given the JWT expired <seconds> seconds ago
    When the consumer sends a "<use case>" request
    Then the provider should accept or reject the token as the configured clock-skew rule requires

    Examples:
      | use case                          | seconds |
      | Get the FHIR capability statement | 180     |
      | Search for free slots             | 180     |
      | Book an appointment               | 180     |

  # The consumer SHALL set exp to exactly iat + 300 (audit and provenance guidance, JWT claims). The pages leave the
  # provider's answer to another lifetime open; NHS provider assurance refuses such a token as a bad request, and a
  # token the consumer was bound not to send is one the provider has no reason to serve. Each token here is current:
  # issued now and not expired beyond the clock-skew leeway, so only its lifetime is wrong.
  @CORE-064 @since-1.2.3
  Scenario Outline: A <use case> token whose lifetime is <seconds> seconds instead of 300 is rejected
    Given the JWT's lifetime is <seconds> seconds
    When the consumer sends a "<use case>" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

    Examples:
      | use case                          | seconds |
      | Get the FHIR capability statement | 299     |
      | Get the FHIR capability statement | 301     |
      | Search for free slots             | 3600    |

  @CORE-064 @since-1.2.3
  Scenario: A token that expires before it was issued is rejected
    Given the JWT expires 30 seconds before it was issued
    When the consumer sends a "Read an organisation" request
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
