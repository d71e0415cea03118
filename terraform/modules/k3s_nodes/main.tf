locals {
  # The first node is the K3s server, the others agents; spread round robin over the subnets.
  nodes = {
    for i in range(var.node_count) : (i == 0 ? "server" : "agent-${i}") => {
      role      = i == 0 ? "k3s-server" : "k3s-agent"
      subnet_id = var.subnet_ids[i % length(var.subnet_ids)]
    }
  }
}

################################################################################
# Instances (server and agents)
################################################################################

resource "aws_instance" "this" {
  for_each = local.nodes

  ami                         = var.ami_id
  instance_type               = var.instance_type
  subnet_id                   = each.value.subnet_id
  vpc_security_group_ids      = var.security_group_ids
  key_name                    = var.key_name
  iam_instance_profile        = var.iam_instance_profile
  associate_public_ip_address = false

  # IMDSv2 only; two hops so pods (the worker's S3 client) can reach the instance role.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size
    encrypted             = true
    delete_on_termination = true
  }

  tags        = merge({ Name = "${var.name}-k3s-${each.key}", Role = each.value.role }, var.tags)
  volume_tags = merge({ Name = "${var.name}-k3s-${each.key}" }, var.tags)

  lifecycle {
    ignore_changes = [ami]
  }
}
