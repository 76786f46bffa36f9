"""用户管理 / Accounts page strings."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.admin": {"zh": "用户管理", "en": "Accounts"},
    "admin.title": {"zh": "用户管理", "en": "Accounts"},
    "admin.lead": {
        "zh": "创建账户、调整角色与填报地区、重置密码、停用账户。所有操作记入审计日志。",
        "en": "Create accounts, change roles and clerks' regions, reset passwords, disable "
        "accounts. Every change is written to the audit log.",
    },
    "admin.users": {"zh": "账户", "en": "Accounts"},
    "admin.col.username": {"zh": "用户名", "en": "User name"},
    "admin.col.display_name": {"zh": "姓名", "en": "Name"},
    "admin.col.role": {"zh": "角色", "en": "Role"},
    "admin.col.regions": {"zh": "填报地区 / 所属单位", "en": "Regions / organisations"},
    "admin.col.state": {"zh": "状态", "en": "State"},
    "admin.col.last_login": {"zh": "最近登录", "en": "Last sign-in"},
    "admin.state.active": {"zh": "正常", "en": "Active"},
    "admin.state.disabled": {"zh": "已停用", "en": "Disabled"},
    "admin.state.one_time": {"zh": "待改密码", "en": "Must change password"},
    "admin.state.locked": {"zh": "已锁定", "en": "Locked"},
    "admin.empty": {"zh": "尚无账户", "en": "No accounts"},
    "admin.new": {"zh": "新建账户", "en": "New account"},
    "admin.username": {
        "zh": "用户名（字母、数字、. _ -）",
        "en": "User name (letters, digits, . _ -)",
    },
    "admin.display_name": {"zh": "姓名", "en": "Name"},
    "admin.role": {"zh": "角色", "en": "Role"},
    "admin.organisations": {
        "zh": "所属单位（仅责任单位）",
        "en": "Organisations (responsible units only)",
    },
    "admin.unit_needs_organisations": {
        "zh": "责任单位账户至少需要一个所属单位。",
        "en": "A responsible-unit account needs at least one organisation.",
    },
    "admin.regions": {"zh": "填报地区（仅填报员）", "en": "Regions (clerks only)"},
    "admin.create": {"zh": "创建", "en": "Create"},
    "admin.created": {
        "zh": "已创建账户 {user}。一次性密码：{password}（仅显示这一次，请当面或电话告知本人；首次登录须修改）。",
        "en": "Account {user} created. One-time password: {password} (shown only now; tell the "
        "person in person or by phone; it must be changed at first sign-in).",
    },
    "admin.selected": {"zh": "所选账户：{user}", "en": "Selected account: {user}"},
    "admin.pick": {"zh": "请先在表中选择一个账户。", "en": "Select an account in the table first."},
    "admin.save_role": {"zh": "保存角色与地区", "en": "Save role and regions"},
    "admin.reset": {"zh": "重置密码", "en": "Reset password"},
    "admin.disable": {"zh": "停用", "en": "Disable"},
    "admin.enable": {"zh": "启用", "en": "Enable"},
    "admin.role_saved": {"zh": "{user} 的角色已改为{role}。", "en": "{user} is now {role}."},
    "admin.reset_done": {
        "zh": "{user} 的新一次性密码：{password}（仅显示这一次；登录后须修改）。",
        "en": "New one-time password for {user}: {password} (shown only now; must be changed at "
        "sign-in).",
    },
    "admin.disabled": {"zh": "{user} 已停用。", "en": "{user} is disabled."},
    "admin.enabled": {"zh": "{user} 已启用。", "en": "{user} is enabled."},
    "admin.failed": {"zh": "未完成：{error}", "en": "Not done: {error}"},
    "admin.clerk_needs_regions": {
        "zh": "填报员须至少指定一个地区。",
        "en": "A clerk needs at least one region.",
    },
}
