# Run through the xUnit adapter by AdapterTheoryTests: one test case per pickle, tags as traits.
@ticket-912 @since-1.2.7
Feature: Adapter ticket

  @use-case-find-a-patient @CORE-111
  Scenario: A tagged scenario passes
    Given the adapter counter starts at 0
    When the adapter counter is increased by 2
    Then the adapter counter is 2

  Scenario Outline: An outline row is its own test case
    Given the adapter counter starts at <start>
    When the adapter counter is increased by <step>
    Then the adapter counter is <end>

    Examples:
      | start | step | end |
      | 1     | 1    | 2   |
      | 5     | 10   | 15  |
