"""Strings of sign-in and sign-out."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.title": {"zh": "登录", "en": "Sign in"},
    "auth.username": {"zh": "用户名", "en": "User name"},
    "auth.password": {"zh": "密码", "en": "Password"},
    "auth.submit": {"zh": "登录", "en": "Sign in"},
    "auth.failed": {
        "zh": "用户名或密码不正确，或账户已被暂时锁定（连续输错5次锁定15分钟）。",
        "en": "Wrong user name or password, or the account is locked for a while "
        "(15 minutes after 5 failed attempts).",
    },
    "auth.hint": {
        "zh": "账户由系统管理员创建；忘记密码请联系管理员重置。",
        "en": "Accounts are created by the administrator; ask them to reset a forgotten password.",
    },
    "auth.denied": {"zh": "您的角色无权查看此页面。", "en": "Your role may not open this page."},
    "auth.denied_hint": {
        "zh": "如需访问，请联系系统管理员调整角色。",
        "en": "Ask an administrator if you need access.",
    },
    "auth.logout": {"zh": "退出", "en": "Sign out"},
    "auth.role.admin": {"zh": "管理员", "en": "Administrator"},
    "auth.role.statistician": {"zh": "统计人员", "en": "Statistician"},
    "auth.role.leader": {"zh": "领导", "en": "Leader"},
    "auth.role.clerk": {"zh": "填报员", "en": "Clerk"},
}
