# Least-privilege security groups: only the bastion takes SSH (from my_ip_cidr), nodes take SSH from
# the bastion only, the K3s API / Kafka / Grafana are open inside the VPC only, DocumentDB only to nodes.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1a", "us-east-1b", "us-east-1c"] }
  }
}

variables {
  name       = "ca4test"
  vpc_id     = "vpc-0123456789abcdef0"
  vpc_cidr   = "10.40.0.0/16"
  my_ip_cidr = "203.0.113.7/32"
}

run "security_groups_are_least_privilege" {
  command = apply

  module {
    source = "./modules/security"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.bastion_ssh.cidr_ipv4 == "203.0.113.7/32" && aws_vpc_security_group_ingress_rule.bastion_ssh.from_port == 22 && aws_vpc_security_group_ingress_rule.bastion_ssh.to_port == 22
    error_message = "The bastion must take SSH (22) from my_ip_cidr only."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.nodes_ssh_from_bastion.referenced_security_group_id == aws_security_group.bastion.id && aws_vpc_security_group_ingress_rule.nodes_ssh_from_bastion.cidr_ipv4 == null
    error_message = "Nodes must take SSH from the bastion security group only."
  }

  assert {
    condition     = alltrue([for r in values(aws_vpc_security_group_ingress_rule.nodes_from_vpc) : r.cidr_ipv4 == "10.40.0.0/16"])
    error_message = "K3s API, Kafka and Grafana must be reachable from the VPC CIDR only."
  }

  assert {
    condition     = join(",", sort(keys(aws_vpc_security_group_ingress_rule.nodes_from_vpc))) == "grafana,k3s-api,kafka" && aws_vpc_security_group_ingress_rule.nodes_from_vpc["k3s-api"].from_port == 6443 && aws_vpc_security_group_ingress_rule.nodes_from_vpc["kafka"].from_port == 30092 && aws_vpc_security_group_ingress_rule.nodes_from_vpc["grafana"].from_port == 30300
    error_message = "Only the K3s API (6443), Kafka (30092) and Grafana (30300) may be open to the VPC."
  }

  assert {
    condition     = alltrue([for r in values(aws_vpc_security_group_ingress_rule.nodes_from_nodes) : r.referenced_security_group_id == aws_security_group.nodes.id && r.cidr_ipv4 == null])
    error_message = "Cluster ports must be open between nodes only."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.documentdb_from_nodes.referenced_security_group_id == aws_security_group.nodes.id && aws_vpc_security_group_ingress_rule.documentdb_from_nodes.from_port == 27017 && aws_vpc_security_group_ingress_rule.documentdb_from_nodes.cidr_ipv4 == null
    error_message = "DocumentDB (27017) must take connections from the node security group only."
  }

  # No ingress rule anywhere is open to the world, and none but the bastion's opens port 22.
  assert {
    condition = alltrue([
      for r in concat(
        [aws_vpc_security_group_ingress_rule.bastion_ssh, aws_vpc_security_group_ingress_rule.nodes_ssh_from_bastion, aws_vpc_security_group_ingress_rule.documentdb_from_nodes],
        values(aws_vpc_security_group_ingress_rule.nodes_from_vpc),
        values(aws_vpc_security_group_ingress_rule.nodes_from_nodes),
      ) : r.cidr_ipv4 != "0.0.0.0/0" && r.cidr_ipv6 == null
    ])
    error_message = "No ingress rule may be open to 0.0.0.0/0 or IPv6."
  }

  assert {
    condition = alltrue([
      for r in concat(values(aws_vpc_security_group_ingress_rule.nodes_from_vpc), values(aws_vpc_security_group_ingress_rule.nodes_from_nodes)) :
      !(r.from_port <= 22 && r.to_port >= 22) && !(r.from_port <= 27017 && r.to_port >= 27017)
    ])
    error_message = "Only the dedicated SSH and DocumentDB rules may cover ports 22 and 27017."
  }

  assert {
    condition     = alltrue([for r in values(aws_vpc_security_group_egress_rule.bastion_to_vpc) : r.cidr_ipv4 == "10.40.0.0/16"])
    error_message = "The bastion may forward only into the VPC."
  }
}

run "open_bastion_is_refused_at_the_root" {
  command = plan

  variables {
    my_ip_cidr   = "0.0.0.0/0"
    ssh_key_name = "ca4"
    db_username  = "ca4admin"
    db_password  = "correct-horse-battery"
  }

  expect_failures = [var.my_ip_cidr]
}
