package dev.shrink.cli.model;

import java.util.List;

/**
 * A regularisation path: the penalty values (strongest first) and the fit at each.
 *
 * @param penaltyName what the penalty is called in the dialect: "alpha" (scikit-learn) or "lambda" (glmnet)
 * @param penalties   the penalty values
 * @param points      the fit at each penalty value
 */
public record PathFitted(String penaltyName, double[] penalties, List<Fitted> points) {
    public PathFitted {
        penalties = penalties.clone();
        points = List.copyOf(points);
    }

    @Override
    public double[] penalties() {
        return penalties.clone();
    }
}
