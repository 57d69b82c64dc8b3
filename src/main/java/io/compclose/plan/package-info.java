/** The plan model and its YAML loader: plain Java, no Spring, no database. */
package io.compclose.plan;
