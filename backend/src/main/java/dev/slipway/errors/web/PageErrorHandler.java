package dev.slipway.errors.web;

import dev.slipway.errors.SlipwayException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Shows a refusal from a dashboard page (an unknown app, say) as a page with the reason. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

	@ExceptionHandler
	ModelAndView refused(SlipwayException ex) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(ex.kind().status()));
		page.addObject("status", ex.kind().status());
		page.addObject("message", ex.getMessage());
		return page;
	}

}
