Feature: Adapter untagged

  Scenario: An untagged scenario passes
    Given the adapter counter starts at 7
    Then the adapter counter is 7
