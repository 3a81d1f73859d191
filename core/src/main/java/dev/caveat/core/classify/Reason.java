package dev.caveat.core.classify;

/**
 * One piece of evidence behind a label, for a rep to see why.
 *
 * @param label what it supports: {@code intent}, {@code sentiment}, {@code urgency:churn}, {@code
 *     language} or {@code product}
 * @param evidence readable, such as {@code word "refund"} or {@code rule: churn threat "cancel my
 *     subscription"}
 * @param weight how much it pushed: the model's contribution for learned features (negative for
 *     sentiment means it pulled down), 1 for a rule that fired
 */
public record Reason(String label, String evidence, double weight) {}
