# Destroy order in Terraform's own apply graph of the teardown plan (terraform graph -type=apply -plan=plan.bin).
import re, sys
edges = {}
q = r'"((?:[^"\\]|\\.)*)"'
for line in open(sys.argv[1]):
    m = re.match(r'\s*' + q + r' -> ' + q, line)
    if m:
        a, b = (x.replace('\\"', '"').replace('[root] ', '') for x in m.groups())
        edges.setdefault(a, set()).add(b)
def after(a, b):
    seen = set(); todo = list(edges.get(a, ()))
    while todo:
        n = todo.pop()
        if n == b: return True
        if n in seen: continue
        seen.add(n); todo += edges.get(n, ())
    return False
D = lambda s: s + ' (destroy)'
first = D('aws_guardduty_organization_admin_account.estate_organization_delegation_first_admin_account["eu-west-1"]')
us = D('aws_guardduty_organization_admin_account.estate_organization_delegation_admin_account["us-east-1"]')
listed = D('aws_guardduty_member.estate_organization_members_member["eu-west-1/777788889999"]')
mgmt = D('aws_guardduty_member.estate_organization_management_account_member["eu-west-1"]')
inv = D('aws_guardduty_member.estate_organization_invited_invitation["eu-west-1/444455556666"]')
acc = D('aws_guardduty_invite_accepter.estate_organization_invited_member_444455556666_accepter["eu-west-1"]')
checks = [(first, listed), (first, mgmt), (first, inv), (us, listed), (first, us), (inv, acc),
  (D('aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"]'), first),
  (D('aws_guardduty_detector.estate_organization_administrator_detector["us-east-1"]'), us),
  (D('aws_guardduty_detector.estate_organization_administrator_detector["eu-west-1"]'), listed),
  (D('aws_guardduty_detector.estate_organization_management_account_detector["eu-west-1"]'), mgmt),
  (D('aws_guardduty_detector.estate_organization_invited_member_444455556666_detector["eu-west-1"]'), acc)]
for a, b in checks: print('OK ' if after(a, b) else 'BAD', a, 'waits for', b)
print('reverse edges (must be none):', [x for x in [(listed, first), (acc, inv)] if after(*x)])
