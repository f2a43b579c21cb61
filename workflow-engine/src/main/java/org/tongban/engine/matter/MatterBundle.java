package org.tongban.engine.matter;

import java.util.List;

/** 一件事: matters of several departments handled as one application. */
public record MatterBundle(String code, String name, String description, List<String> matterCodes) {

    public MatterBundle {
        matterCodes = List.copyOf(matterCodes);
    }
}
