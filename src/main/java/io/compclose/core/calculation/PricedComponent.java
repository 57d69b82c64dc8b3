package io.compclose.core.calculation;

/** A component's earnings over one measurement window, named by the plan version that priced them. */
public record PricedComponent(String planId, int planVersion, String componentId, String window,
        ComponentEarnings earnings) {
}
