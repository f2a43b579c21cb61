package org.tongban.engine.testsupport;

/** The demo city's people the tests act as (see demo/demo-city.json). */
public final class TestUsers {

    /** The demo password of every seeded user in tests. */
    public static final String PASSWORD = "Tongban@2026";

    /** 张丽, 综合受理窗口 clerk. */
    public static final String WINDOW_CLERK = "zhangli";
    /** 陈静, a second clerk of the same window. */
    public static final String WINDOW_CLERK_2 = "chenjing";
    /** 李强 and 王芳, handlers of 市场监管局食品经营监管处. */
    public static final String FOOD_HANDLER = "liqiang";
    public static final String FOOD_HANDLER_2 = "wangfang";
    /** 𠮷哲: a handler whose name lies outside the BMP. */
    public static final String FOOD_HANDLER_RARE_NAME = "jizhe";
    public static final String FOOD_REVIEWER = "zhaomin";
    public static final String FOOD_LEADER = "sunwei";
    public static final String FIRE_HANDLER = "zhouhao";
    public static final String FIRE_REVIEWER = "wujun";
    public static final String FIRE_LEADER = "zhenggang";
    public static final String ENV_HANDLER = "fengyan";
    public static final String ENV_REVIEWER = "chenlei";
    public static final String ENV_XIHU_HANDLER = "jiangtao";
    public static final String ENV_XIHU_REVIEWER = "hanxue";
    public static final String CITY_HANDLER = "yangfan";
    public static final String CITY_REVIEWER = "zhuhong";
    public static final String SUPERVISOR = "heping";
    /** 李舒, leader of 市政府督查室: approves 销号, hears of escalations. */
    public static final String SUPERVISION_LEADER = "lishu";
    /** Leaders of the departments the restaurant bundle goes to. */
    public static final String CITY_LEADER = "qinfeng";
    /** 徐丽, 登记注册处: a unit with no part in the tests' items. */
    public static final String REGISTRATION_CLERK = "xuli";
    /** 徐丽, 市场监管局登记注册处 (handler and reviewer). */
    public static final String REG_HANDLER = "xuli";
    public static final String ENV_LEADER = "weidong";
    /** 林晓, 市场监管局办公室 (文书); 高明, a leader of 市场监管局 (in its office). */
    public static final String FOOD_AGENCY_OFFICE = "linxiao";
    public static final String FOOD_AGENCY_LEADER = "gaoming";
    /** 宋雨, 消防救援支队办公室 (文书); 唐杰, a leader of the brigade. */
    public static final String FIRE_AGENCY_OFFICE = "songyu";
    public static final String FIRE_AGENCY_LEADER = "tangjie";
    /** 罗青, 生态环境局办公室 (文书); 方华, a leader of the bureau. */
    public static final String ENV_AGENCY_OFFICE = "luoqing";
    public static final String ENV_AGENCY_LEADER = "fanghua";
    /** 白云, 城市管理局办公室 (文书). */
    public static final String CITY_AGENCY_OFFICE = "baiyun";
    public static final String ADMIN = "admin";
    /** 吕斌, process designer (流程设计员). */
    public static final String DESIGNER = "lvbin";

    private TestUsers() {
    }
}
