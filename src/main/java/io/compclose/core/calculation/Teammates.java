package io.compclose.core.calculation;

import java.util.List;

/**
 * What a team pool reads of a rep's teammates. A pool on a booking metric, shared equally or by
 * credit, needs their deals only; one on usage, KPIs or activities, or shared by points, their history.
 */
public interface Teammates {

    /** The teammate's deals of the plan year up to the period. */
    List<CreditedDeal> deals(String repId);

    /** The teammate's history of the plan year up to the period (deals, usage, figures and pool points). */
    RepHistory history(String repId);
}
