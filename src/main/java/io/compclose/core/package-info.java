/**
 * The functional core: the plan model, money, the input records, crediting, the calculation and the
 * reconciliation tie rules, in plain Java. Nothing here reads a file or a database or knows Spring:
 * the shells around it (intake, the batch steps, the commands, the console) read, call the core and
 * write. {@code ArchitectureTests} holds the rule; conditions in plans and crediting rules arrive as
 * functions, so their language (SpEL, in {@code io.compclose.rules}) stays outside.
 */
package io.compclose.core;
