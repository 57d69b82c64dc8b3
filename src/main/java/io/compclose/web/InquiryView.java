package io.compclose.web;

import java.util.List;

import io.compclose.inquiry.InquiryRepository;
import io.compclose.system.Amounts;

/** An inquiry with its messages, as a page shows it. */
public record InquiryView(InquiryRepository.Inquiry inquiry, List<InquiryRepository.Message> messages) {

    /** "COMMISSION USD 1,234.50", or "" for the whole statement. */
    public String line() {
        return inquiry.lineNo() == null || inquiry.lineAmount() == null ? ""
                : inquiry.earningCode() + " " + inquiry.currency() + " " + Amounts.format(inquiry.lineAmount());
    }
}
