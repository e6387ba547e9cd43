# Source: GP Connect 1.2.7 specification, Development — API non-functional requirements; obligations CORE-129 and CORE-130.
@core @use-case-response-times
Feature: Response times
  GP Connect limits how long a provider may take to process a request: a query (any GET: the capability statement,
  reads, searches, free slots, retrieve) SHALL take less than 3000 ms, and a command (register, book, amend, cancel)
  less than 250 ms, and SHOULD take less than 1000 ms and 100 ms: slower than the SHOULD target but inside the limit
  passes with a warning. The suite measures round trips, so it sends several requests of one kind and judges the fastest
  answer: one slow answer may be the network, every answer being slow is the provider. The limits are configurable
  (expectations:queryResponseLimitMs, expectations:commandResponseLimitMs, expectations:queryResponseTargetMs,
  expectations:commandResponseTargetMs) for targets reached through the Spine
  Secure Proxy or a slow test network.

  @CORE-129 @since-1.2.3
  Scenario: A query is answered within the query time limit
    When the consumer sends the "Get the FHIR capability statement" request 3 times
    Then the response status should be 200
    And the fastest answer should come within the query time limit

  @CORE-130 @APT-019 @since-1.2.3 @writes @consumes-free-slots:3
  Scenario: A booking is answered within the command time limit
    Given a patient who can be booked
    When the consumer books 3 free slots one after another
    Then the response status should be 201
    And the fastest answer should come within the command time limit
