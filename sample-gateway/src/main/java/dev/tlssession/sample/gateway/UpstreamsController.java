package dev.tlssession.sample.gateway;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /upstreams}: the handshakes each local upstream saw, to set next to
 * {@code /actuator/tlssessions}.
 */
@RestController
class UpstreamsController {

	private final LocalUpstreams upstreams;

	UpstreamsController(LocalUpstreams upstreams) {
		this.upstreams = upstreams;
	}

	@GetMapping("/upstreams")
	Map<String, LocalUpstreams.ServerView> upstreams() {
		return this.upstreams.serverViews();
	}

}
