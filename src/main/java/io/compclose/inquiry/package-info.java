/** Statement inquiries: a rep's question, finance's answers and resolution, its adjustment and its emails. */
package io.compclose.inquiry;
