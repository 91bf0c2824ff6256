package dev.tlssession.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the upstreams of these tests said when they closed (registered in {@code META-INF/services}).
 */
public class RecordingUpstreamListener implements UpstreamListener {

	static final List<String> CLOSED = new CopyOnWriteArrayList<>();

	@Override
	public void closed(String upstream, long resumed, long full) {
		CLOSED.add(upstream + " resumed=" + resumed + " full=" + full);
	}

}
