package io.compclose.web;

import java.util.List;

import io.compclose.inquiry.InquiryRepository;

/** An inquiry with its messages, as a page shows it. */
public record InquiryView(InquiryRepository.Inquiry inquiry, List<InquiryRepository.Message> messages) {
}
